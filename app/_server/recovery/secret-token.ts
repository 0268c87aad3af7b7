import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { SECRET_TOKEN_PATTERN } from "@/app/_lib/field-rules";

/**
 * The secret behind every emailed link: reset links and "This wasn't me" links. 32 random bytes, base64url
 * (43 characters); only its SHA-256 is ever stored. A fast hash is enough: with 256 bits of entropy there is nothing
 * to brute-force, and a leaked table holds hashes that can't be turned back into working links.
 */
const SECRET_TOKEN_BYTES = 32;

export function generateSecretToken(): { token: string; tokenHash: string } {
  const token = randomBytes(SECRET_TOKEN_BYTES).toString("base64url");
  return { token, tokenHash: hashSecretToken(token) };
}

export function hashSecretToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Whether a presented value has the shape of a token we issue; anything else can't match a stored hash. */
export function isSecretTokenShape(value: unknown): value is string {
  return typeof value === "string" && SECRET_TOKEN_PATTERN.test(value);
}
