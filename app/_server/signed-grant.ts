import "server-only";
import { PRESENTED_SECRET_MAX_LENGTH } from "@/app/_lib/validation";
import { keyedHash, matchesKeyedHash } from "./secrets";

/**
 * A grant names one stored credential (a reset token, an email verification), so the emailed secret can leave the
 * URL. It is signed, not stored (opening a link writes nothing), and never better than what it names: once that is
 * used, revoked or expired, so is the grant. Each kind has its own HMAC key (`label`) and purpose, so one kind can't
 * stand in for another.
 *
 * Format: v1.<base64url JSON {t: id, x: expiry in epoch seconds, p: purpose}>.<HMAC of the first two parts>
 */
const GRANT_VERSION = "v1";

export type GrantKind = { label: "reset-grant" | "verification-grant"; purpose: string; ttlMinutes: number };
export type GrantClaims = { id: string; expiresAt: Date };
export type GrantReading = { status: "valid"; claims: GrantClaims } | { status: "invalid" | "expired" };

/** A grant for `id`, lasting the kind's TTL but never beyond `notAfter` (the expiry of what it names). */
export function issueGrant(kind: GrantKind, id: string, notAfter: Date, now = new Date()): { grant: string; expiresAt: Date } {
  const expiresAtMs = Math.min(notAfter.getTime(), now.getTime() + kind.ttlMinutes * 60_000);
  const expiresAt = new Date(Math.floor(expiresAtMs / 1000) * 1000);
  const payload = Buffer.from(JSON.stringify({ t: id, x: expiresAt.getTime() / 1000, p: kind.purpose })).toString("base64url");
  const signed = `${GRANT_VERSION}.${payload}`;
  return { grant: `${signed}.${keyedHash(kind.label, signed)}`, expiresAt };
}

export function readGrant(kind: GrantKind, grant: unknown, now = new Date()): GrantReading {
  const invalid = { status: "invalid" } as const;
  if (typeof grant !== "string" || grant.length > PRESENTED_SECRET_MAX_LENGTH) return invalid;
  const [version, payload, signature, ...rest] = grant.split(".");
  if (version !== GRANT_VERSION || !payload || !signature || rest.length > 0) return invalid;
  if (!matchesKeyedHash(kind.label, `${version}.${payload}`, signature)) return invalid;
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    return invalid;
  }
  if (typeof claims !== "object" || claims === null) return invalid;
  const { t, x, p } = claims as Record<string, unknown>;
  if (p !== kind.purpose || typeof t !== "string" || typeof x !== "number") return invalid;
  const expiresAt = new Date(x * 1000);
  if (expiresAt <= now) return { status: "expired" };
  return { status: "valid", claims: { id: t, expiresAt } };
}
