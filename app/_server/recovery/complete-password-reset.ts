import "server-only";
import type { NewPassword } from "@/app/_lib/validation";
import { hashPassword } from "../auth/password-hash";
import { getDb } from "../db";
import { log } from "../log";
import { checkResetLink, type UnusableLinkReason } from "./check-reset-link";

export type CompletePasswordResetResult = { status: "completed"; customerId: string } | { status: UnusableLinkReason };

class TokenAlreadyConsumed extends Error {}

/**
 * Sets a new password with a reset link. The token is consumed by one conditional write (hash matches, unused,
 * not revoked, unexpired; exactly one row changed) in the same transaction as the password change, so of any
 * number of concurrent submissions exactly one succeeds, and a failure leaves both the token and the old password.
 * The new password is a NewPassword: it can only come from the shared policy (newPasswordSchema).
 */
export async function completePasswordReset(
  input: { token: unknown; email: unknown; newPassword: NewPassword },
  now = new Date(),
): Promise<CompletePasswordResetResult> {
  // A cheap read first, so a dead link costs no password hashing.
  const link = await checkResetLink(input, now);
  if (link.status !== "valid") return link;

  const passwordHash = await hashPassword(input.newPassword);
  try {
    await getDb().$transaction(async (tx) => {
      const consumed = await tx.passwordResetToken.updateMany({
        where: {
          tokenHash: link.tokenHash,
          customerId: link.customerId,
          usedAt: null,
          revokedAt: null,
          expiresAt: { gt: now },
        },
        data: { usedAt: now },
      });
      if (consumed.count !== 1) throw new TokenAlreadyConsumed();
      await tx.customer.update({ where: { id: link.customerId }, data: { passwordHash } });
      // A completed reset makes every other outstanding link for the account invalid.
      await tx.passwordResetToken.updateMany({
        where: { customerId: link.customerId, usedAt: null, revokedAt: null },
        data: { revokedAt: now },
      });
    });
  } catch (error) {
    if (!(error instanceof TokenAlreadyConsumed)) throw error;
    // Another submission won the race (or the link died in between): report why, as the landing page would.
    const recheck = await checkResetLink(input, now);
    return { status: recheck.status === "valid" ? "used" : recheck.status };
  }
  log.info({ event: "password_reset.completed", customerId: link.customerId });
  return { status: "completed", customerId: link.customerId };
}
