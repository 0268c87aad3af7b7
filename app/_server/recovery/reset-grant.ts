import "server-only";
import { PRESENTED_SECRET_MAX_LENGTH } from "@/app/_lib/validation";
import { constantTimeEqual, keyedHash } from "../secrets";

/**
 * A reset grant: a short-lived, single-purpose pass that names one reset token. It is what a browser holds after
 * opening a link or entering a code, so the token itself leaves the URL. It is signed, not stored: opening a link
 * writes nothing. It can only ever be as good as its token: once the token is used, revoked or expired, so is the grant.
 *
 * Format: v1.<base64url JSON {t: token id, x: expiry in epoch seconds, p: "password-reset"}>.<HMAC of the first two parts>
 */
const GRANT_VERSION = "v1";
const GRANT_PURPOSE = "password-reset";
export const RESET_GRANT_TTL_SECONDS = 15 * 60;

export type ResetGrantClaims = { tokenId: string; expiresAt: Date };
export type ResetGrantReading = { status: "valid"; claims: ResetGrantClaims } | { status: "invalid" | "expired" };

/** A grant for the token, lasting 15 minutes but never beyond the token's own expiry. */
export function issueResetGrant(tokenId: string, tokenExpiresAt: Date, now = new Date()): { grant: string; expiresAt: Date } {
  const expiresAtMs = Math.min(tokenExpiresAt.getTime(), now.getTime() + RESET_GRANT_TTL_SECONDS * 1000);
  const expiresAt = new Date(Math.floor(expiresAtMs / 1000) * 1000);
  const payload = Buffer.from(JSON.stringify({ t: tokenId, x: expiresAt.getTime() / 1000, p: GRANT_PURPOSE })).toString("base64url");
  const signed = `${GRANT_VERSION}.${payload}`;
  return { grant: `${signed}.${keyedHash("reset-grant", signed)}`, expiresAt };
}

/** Checks that a grant is well-formed, signed by this server, for password reset, and unexpired. */
export function readResetGrant(grant: unknown, now = new Date()): ResetGrantReading {
  const invalid = { status: "invalid" } as const;
  if (typeof grant !== "string" || grant.length > PRESENTED_SECRET_MAX_LENGTH) return invalid;
  const [version, payload, signature, ...rest] = grant.split(".");
  if (version !== GRANT_VERSION || !payload || !signature || rest.length > 0) return invalid;
  if (!constantTimeEqual(signature, keyedHash("reset-grant", `${version}.${payload}`))) return invalid;
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    return invalid;
  }
  if (typeof claims !== "object" || claims === null) return invalid;
  const { t, x, p } = claims as Record<string, unknown>;
  if (p !== GRANT_PURPOSE || typeof t !== "string" || typeof x !== "number") return invalid;
  const expiresAt = new Date(x * 1000);
  if (expiresAt <= now) return { status: "expired" };
  return { status: "valid", claims: { tokenId: t, expiresAt } };
}
