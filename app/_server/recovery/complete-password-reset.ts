import "server-only";
import type { PasswordProblem } from "../auth/password-policy";
import type { NewPassword } from "@/app/_lib/validation";
import { hashPassword } from "../auth/password-hash";
import { passwordPolicyProblem } from "../auth/password-policy";
import type { RequestOrigin } from "../client-address";
import { lockCustomer } from "../auth/customer-lock";
import { getDb } from "../db";
import { log } from "../log";
import { wakeOutboxWorker } from "../outbox/worker-registry";
import { consumeRateLimits } from "../rate-limit";
import { replacePassword } from "./replace-password";
import type { ResolvedResetProof, UnusableResetProof } from "./reset-proof";
import { checkResetTokenById } from "./reset-token-checks";

export type CompletePasswordResetResult =
  | { status: "completed"; customerId: string; email: string }
  | UnusableResetProof
  | { status: "password-rejected"; problem: PasswordProblem };

class TokenAlreadyConsumed extends Error {}

/**
 * Sets a new password with a proof `resolveResetProof` found to hold; any other outcome is returned as it is.
 * Attempts are limited per link, on top of the client limit the proof was resolved under. The token is consumed
 * by one conditional write in the transaction that changes the password, so of any number of concurrent
 * submissions exactly one succeeds, and a failure leaves the token and the old password as they were.
 */
export async function completePasswordReset(
  proof: ResolvedResetProof,
  input: { newPassword: NewPassword; signOutOtherSessions: boolean },
  origin: RequestOrigin,
  now = new Date(),
): Promise<CompletePasswordResetResult> {
  if (proof.status !== "valid") {
    const { fromCookie: _, ...unusable } = proof;
    return unusable;
  }
  const { token } = proof;
  const perLink = await consumeRateLimits([["RESET_ATTEMPT_PER_LINK", `link:${token.id}`]]);
  if (perLink.limited) return { status: "rate-limited", retryAfterSeconds: perLink.retryAfterSeconds };

  const db = getDb();
  const customer = await db.customer.findUniqueOrThrow({
    where: { id: token.customerId },
    select: { id: true, name: true, email: true, locale: true, passwordHash: true },
  });
  const problem = await passwordPolicyProblem(input.newPassword, { email: customer.email, currentPasswordHash: customer.passwordHash });
  if (problem) return { status: "password-rejected", problem };

  const passwordHash = await hashPassword(input.newPassword);
  try {
    await db.$transaction(async (tx) => {
      // The customer's row first, as every credential change and the issuing worker take it (auth/customer-lock.ts):
      // taking the token's row first would deadlock against a worker revoking this customer's links.
      await lockCustomer(tx, token.customerId);
      const consumed = await tx.passwordResetToken.updateMany({
        where: { id: token.id, usedAt: null, revokedAt: null, expiresAt: { gt: now } },
        data: { usedAt: now },
      });
      if (consumed.count !== 1) throw new TokenAlreadyConsumed();
      await replacePassword(tx, { customer, passwordHash, signOutOtherSessions: input.signOutOtherSessions, via: "password-reset" }, origin, now);
    });
  } catch (error) {
    if (!(error instanceof TokenAlreadyConsumed)) throw error;
    // Another submission won the race, or the link died in between: say why, as the landing page would.
    const recheck = await checkResetTokenById(token.id, now);
    return { status: recheck.status === "valid" ? "used" : recheck.status };
  }

  log.info({ event: "password_reset.completed", customerId: token.customerId });
  wakeOutboxWorker();
  return { status: "completed", customerId: token.customerId, email: customer.email };
}
