import "server-only";
import type { ResetCodeEntry } from "@/app/_lib/validation";
import type { RequestOrigin } from "../client-address";
import { getDb } from "../db";
import { consumeRateLimits } from "../rate-limit";
import { constantTimeEqual } from "../secrets";
import { RESET_CODE_MAX_ATTEMPTS, hashResetCode } from "./reset-code";
import { issueResetGrant } from "./reset-grant";

export type RedeemedResetCode =
  | { status: "valid"; grant: string; grantExpiresAt: Date; linkExpiresAt: Date; email: string }
  | { status: "wrong-code" }
  | { status: "rate-limited"; retryAfterSeconds: number };

export type MatchedResetCode =
  | { status: "valid"; token: { id: string; codeHash: string; expiresAt: Date } }
  | { status: "wrong-code" }
  | { status: "rate-limited"; retryAfterSeconds: number };

/**
 * Checks the code from a reset email against the address's live code, counting the entry, without spending it.
 * A code works for at most 10 minutes and 5 entries, and only while its link does. Every failure looks the same
 * (unknown address, no live code, wrong code, too many entries), and the work done is the same either way, so the
 * answer never tells whether an address has an account or a pending reset.
 */
export async function matchResetCode(entry: ResetCodeEntry, origin: RequestOrigin, now = new Date()): Promise<MatchedResetCode> {
  const limit = await consumeRateLimits([
    ["RESET_ATTEMPT_PER_ADDRESS", origin.ip],
    ["RESET_ATTEMPT_PER_LINK", `code:${entry.email}`],
  ]);
  if (limit.limited) return { status: "rate-limited", retryAfterSeconds: limit.retryAfterSeconds };

  const db = getDb();
  const token = await db.passwordResetToken.findFirst({
    where: {
      customer: { email: entry.email },
      usedAt: null,
      revokedAt: null,
      expiresAt: { gt: now },
      codeHash: { not: null },
      codeExpiresAt: { gt: now },
    },
    orderBy: { createdAt: "desc" },
    select: { id: true, tokenHash: true, codeHash: true, expiresAt: true },
  });
  // The entry counts against the code's attempts before it is compared, in one conditional write, so concurrent
  // guesses can't exceed the limit. Without a live code the same statements run against no row.
  const counted = await db.passwordResetToken.updateMany({
    where: { id: token?.id ?? "", codeAttempts: { lt: RESET_CODE_MAX_ATTEMPTS } },
    data: { codeAttempts: { increment: 1 } },
  });
  const matches = constantTimeEqual(hashResetCode(token?.tokenHash ?? "", entry.code), token?.codeHash ?? "");
  if (!token?.codeHash || counted.count !== 1 || !matches) return { status: "wrong-code" };
  return { status: "valid", token: { id: token.id, codeHash: token.codeHash, expiresAt: token.expiresAt } };
}

/**
 * Exchanges the code from a reset email for a grant, for a shopper who reads mail on one device and shops on another.
 * A code works once: the first correct entry takes it out of play (the grant then stands for it).
 */
export async function redeemResetCode(entry: ResetCodeEntry, origin: RequestOrigin, now = new Date()): Promise<RedeemedResetCode> {
  const matched = await matchResetCode(entry, origin, now);
  if (matched.status !== "valid") return matched;
  const { token } = matched;
  const redeemed = await getDb().passwordResetToken.updateMany({
    where: { id: token.id, codeHash: token.codeHash },
    data: { codeHash: null, codeExpiresAt: null },
  });
  if (redeemed.count !== 1) return { status: "wrong-code" };
  const { grant, expiresAt } = issueResetGrant(token.id, token.expiresAt, now);
  return { status: "valid", grant, grantExpiresAt: expiresAt, linkExpiresAt: token.expiresAt, email: entry.email };
}
