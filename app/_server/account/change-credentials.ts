import "server-only";
import type { NewPassword } from "@/app/_lib/validation";
import { recordSecurityEvent } from "../audit";
import { forgiveSignInFailures, isUniqueConstraintViolation, signInLimits } from "../auth/customer-accounts";
import { hashPassword, verifyPassword } from "../auth/password-hash";
import { passwordPolicyProblem } from "../auth/password-policy";
import type { RequestOrigin } from "../client-address";
import { getDb } from "../db";
import { log } from "../log";
import { wakeOutboxWorker } from "../outbox/worker-registry";
import { consumeRateLimits } from "../rate-limit";
import { createAccountAlert } from "../recovery/account-alerts";
import { replacePassword } from "../recovery/replace-password";
import { revokeOutstandingResetLinks } from "../recovery/revoke-reset-links";

/**
 * Changes a signed-in customer makes to their credentials on the account page. Both need the current password
 * (checked under the same rate limit as signing in), both kill every outstanding reset link and code, and both are
 * announced by email with a "This wasn't me" link.
 */

type Rejection =
  | { status: "wrong-password" }
  | { status: "rate-limited"; retryAfterSeconds: number }
  | { status: "signed-out" };

async function confirmCurrentPassword(customerId: string, currentPassword: string, origin: RequestOrigin) {
  const customer = await getDb().customer.findUnique({
    where: { id: customerId },
    select: { id: true, name: true, email: true, passwordHash: true },
  });
  if (!customer) return { rejection: { status: "signed-out" } as Rejection };
  const limits = signInLimits(customer.email, origin);
  const limit = await consumeRateLimits(limits);
  if (limit.limited) return { rejection: { status: "rate-limited", retryAfterSeconds: limit.retryAfterSeconds } as Rejection };
  if (!(await verifyPassword(customer.passwordHash, currentPassword))) {
    await recordSecurityEvent(customer.id, "sign_in_failed", origin);
    return { rejection: { status: "wrong-password" } as Rejection };
  }
  await forgiveSignInFailures(limits);
  return { customer };
}

export type ChangePasswordResult =
  | { status: "changed"; email: string }
  | { status: "password-rejected"; message: string }
  | Rejection;

export async function changePassword(
  input: { customerId: string; currentPassword: string; newPassword: NewPassword; signOutOtherSessions: boolean },
  origin: RequestOrigin,
): Promise<ChangePasswordResult> {
  const { customer, rejection } = await confirmCurrentPassword(input.customerId, input.currentPassword, origin);
  if (rejection) return rejection;
  const problem = await passwordPolicyProblem(input.newPassword, {
    email: customer.email,
    currentPasswordHash: customer.passwordHash,
  });
  if (problem) return { status: "password-rejected", message: problem };

  const now = new Date();
  const passwordHash = await hashPassword(input.newPassword);
  await getDb().$transaction((tx) =>
    replacePassword(
      tx,
      { customer, passwordHash, signOutOtherSessions: input.signOutOtherSessions, via: "password-changed" },
      origin,
      now,
    ),
  );
  log.info({ event: "account.password_changed", customerId: customer.id });
  wakeOutboxWorker();
  return { status: "changed", email: customer.email };
}

export type ChangeEmailResult = { status: "changed"; email: string } | { status: "email-taken" | "unchanged" } | Rejection;

export async function changeEmail(
  input: { customerId: string; currentPassword: string; newEmail: string },
  origin: RequestOrigin,
): Promise<ChangeEmailResult> {
  const { customer, rejection } = await confirmCurrentPassword(input.customerId, input.currentPassword, origin);
  if (rejection) return rejection;
  if (input.newEmail === customer.email) return { status: "unchanged" };

  const now = new Date();
  try {
    await getDb().$transaction(async (tx) => {
      // First, so it also takes the customer's row lock (auth/customer-lock.ts).
      await tx.customer.update({ where: { id: customer.id }, data: { email: input.newEmail } });
      // Links sent to the old address must not work for the new one, and the other way round.
      await revokeOutstandingResetLinks(tx, customer.id, now);
      await recordSecurityEvent(customer.id, "email_changed", origin, tx);
      // The notice goes to the previous address: if someone else made the change, that's where the owner reads mail.
      await createAccountAlert(
        tx,
        { customerId: customer.id, change: "email-changed", previousEmail: customer.email },
        { to: customer.email, customerName: customer.name, newEmail: input.newEmail, otherSessionsSignedOut: false },
        now,
      );
    });
  } catch (error) {
    if (isUniqueConstraintViolation(error)) return { status: "email-taken" };
    throw error;
  }
  log.info({ event: "account.email_changed", customerId: customer.id });
  wakeOutboxWorker();
  return { status: "changed", email: input.newEmail };
}
