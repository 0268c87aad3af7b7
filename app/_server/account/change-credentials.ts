import "server-only";
import type { PasswordProblem } from "../auth/password-policy";
import type { NewPassword } from "@/app/_lib/validation";
import { recordSecurityEvent } from "../audit";
import { forgiveSignInFailures, signInLimits } from "../auth/customer-accounts";
import { hashPassword, verifyPassword } from "../auth/password-hash";
import { passwordPolicyProblem } from "../auth/password-policy";
import type { RequestOrigin } from "../client-address";
import { getDb } from "../db";
import { log } from "../log";
import { wakeOutboxWorker } from "../outbox/worker-registry";
import { consumeRateLimits } from "../rate-limit";
import { replacePassword } from "../recovery/replace-password";

/**
 * A password change a signed-in customer makes on the account page. It needs the current password (checked under
 * the same rate limit as signing in), kills every outstanding reset link and code, and is announced by email with a
 * "This wasn't me" link. Email changes (account/email-change.ts) start with the same password check.
 */

export type Rejection =
  | { status: "wrong-password" }
  | { status: "rate-limited"; retryAfterSeconds: number }
  | { status: "signed-out" };

/** The current password, under the sign-in limits: every change on the account page asks for it first. */
export async function confirmCurrentPassword(customerId: string, currentPassword: string, origin: RequestOrigin) {
  const customer = await getDb().customer.findUnique({
    where: { id: customerId },
    select: { id: true, name: true, email: true, locale: true, passwordHash: true },
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
  | { status: "password-rejected"; problem: PasswordProblem }
  | Rejection;

export async function changePassword(
  input: {
    customerId: string;
    currentPassword: string;
    newPassword: NewPassword;
    signOutOtherSessions: boolean;
    /** The session making the change: "sign out other devices" keeps it. */
    currentSessionId?: string;
  },
  origin: RequestOrigin,
): Promise<ChangePasswordResult> {
  const { customer, rejection } = await confirmCurrentPassword(input.customerId, input.currentPassword, origin);
  if (rejection) return rejection;
  const problem = await passwordPolicyProblem(input.newPassword, {
    email: customer.email,
    currentPasswordHash: customer.passwordHash,
  });
  if (problem) return { status: "password-rejected", problem };

  const now = new Date();
  const passwordHash = await hashPassword(input.newPassword);
  await getDb().$transaction((tx) =>
    replacePassword(
      tx,
      {
        customer,
        passwordHash,
        signOutOtherSessions: input.signOutOtherSessions,
        keepSession: input.currentSessionId,
        via: "password-changed",
      },
      origin,
      now,
    ),
  );
  log.info({ event: "account.password_changed", customerId: customer.id });
  wakeOutboxWorker();
  return { status: "changed", email: customer.email };
}
