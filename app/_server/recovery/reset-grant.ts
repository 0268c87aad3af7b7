import "server-only";
import { RESET_GRANT_TTL_MINUTES } from "@/app/_lib/reset-link-status";
import { PRESENTED_SECRET_MAX_LENGTH } from "@/app/_lib/validation";
import { keyedHash, matchesKeyedHash } from "../secrets";

/**
 * A reset grant names one reset token, so the token itself can leave the URL. It is signed, not stored (opening a
 * link writes nothing), and never better than its token: once that is used, revoked or expired, so is the grant.
 *
 * Format: v1.<base64url JSON {t: token id, x: expiry in epoch seconds, p: "password-reset"}>.<HMAC of the first two parts>
 */
const GRANT_VERSION = "v1";
const GRANT_PURPOSE = "password-reset";

export type ResetGrantClaims = { tokenId: string; expiresAt: Date };
export type ResetGrantReading = { status: "valid"; claims: ResetGrantClaims } | { status: "invalid" | "expired" };

/** A grant for the token, lasting RESET_GRANT_TTL_MINUTES but never beyond the token's own expiry. */
export function issueResetGrant(tokenId: string, tokenExpiresAt: Date, now = new Date()): { grant: string; expiresAt: Date } {
  const expiresAtMs = Math.min(tokenExpiresAt.getTime(), now.getTime() + RESET_GRANT_TTL_MINUTES * 60_000);
  const expiresAt = new Date(Math.floor(expiresAtMs / 1000) * 1000);
  const payload = Buffer.from(JSON.stringify({ t: tokenId, x: expiresAt.getTime() / 1000, p: GRANT_PURPOSE })).toString("base64url");
  const signed = `${GRANT_VERSION}.${payload}`;
  return { grant: `${signed}.${keyedHash("reset-grant", signed)}`, expiresAt };
}

export function readResetGrant(grant: unknown, now = new Date()): ResetGrantReading {
  const invalid = { status: "invalid" } as const;
  if (typeof grant !== "string" || grant.length > PRESENTED_SECRET_MAX_LENGTH) return invalid;
  const [version, payload, signature, ...rest] = grant.split(".");
  if (version !== GRANT_VERSION || !payload || !signature || rest.length > 0) return invalid;
  if (!matchesKeyedHash("reset-grant", `${version}.${payload}`, signature)) return invalid;
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
