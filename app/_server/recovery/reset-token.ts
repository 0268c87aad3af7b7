import "server-only";
import { createHash, randomBytes } from "node:crypto";

const RESET_TOKEN_BYTES = 32;

/** A fresh reset token: 32 random bytes, base64url (43 characters). Only its hash is ever stored. */
export function generateResetToken(): { token: string; tokenHash: string } {
  const token = randomBytes(RESET_TOKEN_BYTES).toString("base64url");
  return { token, tokenHash: hashResetToken(token) };
}

/**
 * SHA-256, hex. A fast hash is enough here: the token has 256 bits of entropy, so there is nothing to brute-force,
 * and a database leak gives away hashes that can't be turned back into working links.
 */
export function hashResetToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}
