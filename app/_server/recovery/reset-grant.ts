import "server-only";
import { RESET_GRANT_TTL_MINUTES } from "@/app/_lib/reset-link-status";
import { type GrantKind, issueGrant, readGrant } from "../signed-grant";

/** A reset grant names one reset token, so the token itself can leave the URL (signed-grant.ts says how). */
const RESET_GRANT: GrantKind = { label: "reset-grant", purpose: "password-reset", ttlMinutes: RESET_GRANT_TTL_MINUTES };

export type ResetGrantClaims = { tokenId: string; expiresAt: Date };
export type ResetGrantReading = { status: "valid"; claims: ResetGrantClaims } | { status: "invalid" | "expired" };

/** A grant for the token, lasting RESET_GRANT_TTL_MINUTES but never beyond the token's own expiry. */
export function issueResetGrant(tokenId: string, tokenExpiresAt: Date, now = new Date()): { grant: string; expiresAt: Date } {
  return issueGrant(RESET_GRANT, tokenId, tokenExpiresAt, now);
}

export function readResetGrant(grant: unknown, now = new Date()): ResetGrantReading {
  const reading = readGrant(RESET_GRANT, grant, now);
  if (reading.status !== "valid") return reading;
  return { status: "valid", claims: { tokenId: reading.claims.id, expiresAt: reading.claims.expiresAt } };
}
