import "server-only";
import type { ResetCodeEntry } from "@/app/_lib/validation";
import type { RequestOrigin } from "../client-address";
import { getDb } from "../db";
import { issueResetGrant } from "./reset-grant";
import { resolveResetProof } from "./reset-proof";
import { checkResetLink, type UnusableLinkReason } from "./reset-token-checks";

/**
 * Exchanging a link or a code for a short-lived grant, so the secret can leave the URL (the landing page and the
 * code page put the grant in a cookie; an API client keeps it) and the shopper sets the password in a second step.
 */
export type ExchangedForGrant = { status: "valid"; grant: string; grantExpiresAt: Date; linkExpiresAt: Date; email: string };

/** Nothing is written: the token stays unused until the password is set. */
export async function openResetLink(
  link: { token: unknown; email: unknown },
  now = new Date(),
): Promise<ExchangedForGrant | { status: UnusableLinkReason }> {
  const check = await checkResetLink(link, now);
  if (check.status !== "valid") return check;
  return withGrant(check.token, now);
}

/**
 * The code from a reset email for a grant, for a shopper who reads mail on one device and shops on another. A code
 * works once: the first correct entry takes it out of play, and the grant then stands for it.
 */
export async function redeemResetCode(
  entry: ResetCodeEntry,
  origin: RequestOrigin,
  now = new Date(),
): Promise<ExchangedForGrant | { status: "wrong-code" } | { status: "rate-limited"; retryAfterSeconds: number }> {
  const proof = await resolveResetProof({ email: entry.email, code: entry.code }, origin, now);
  if (proof.status === "rate-limited") return { status: "rate-limited", retryAfterSeconds: proof.retryAfterSeconds };
  if (proof.status !== "valid") return { status: "wrong-code" };
  const spent = await getDb().passwordResetToken.updateMany({
    where: { id: proof.token.id, codeHash: { not: null } },
    data: { codeHash: null, codeExpiresAt: null },
  });
  if (spent.count !== 1) return { status: "wrong-code" };
  return withGrant(proof.token, now);
}

function withGrant(token: { id: string; email: string; expiresAt: Date }, now: Date): ExchangedForGrant {
  const { grant, expiresAt } = issueResetGrant(token.id, token.expiresAt, now);
  return { status: "valid", grant, grantExpiresAt: expiresAt, linkExpiresAt: token.expiresAt, email: token.email };
}
