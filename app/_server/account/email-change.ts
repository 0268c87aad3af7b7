import "server-only";
import { formatDuration } from "@/app/_lib/format";
import { asLocale, type Locale } from "@/i18n/locales.mjs";
import type { UnusableLinkReason } from "@/app/_lib/reset-link-status";
import { recordSecurityEvent } from "../audit";
import { confirmCurrentPassword, type Rejection } from "./change-credentials";
import { isUniqueConstraintViolation } from "../auth/customer-accounts";
import { lockCustomer } from "../auth/customer-lock";
import { clientLimitKey, type RequestOrigin } from "../client-address";
import { getDb } from "../db";
import { getConfig } from "../env";
import { log } from "../log";
import { enqueueEmail } from "../outbox/enqueue-email";
import { wakeOutboxWorker } from "../outbox/worker-registry";
import { consumeRateLimits } from "../rate-limit";
import { createAccountAlert } from "../recovery/account-alerts";
import { buildAccountUrl, buildEmailChangeUrl, buildForgotPasswordUrl, buildSignInUrl } from "../recovery/emailed-links";
import { revokeOutstandingResetLinks } from "../recovery/revoke-reset-links";
import {
  checkVerificationCode,
  checkVerificationGrant,
  issueVerification,
  issueVerificationGrant,
  type LiveVerification,
  revokePendingEmailChanges,
  useVerification,
  VERIFICATION_TTL_MINUTES,
} from "../recovery/email-verification";

/**
 * Changing an account's email address, proven by the new address. Asking (with the current password) mails a link
 * and a code to the new address and tells the old one, with a link that cancels the change and secures the
 * account. The address changes only when the link or code is used, within VERIFICATION_TTL_MINUTES.
 *
 * The answer never says whether the new address has an account: asking does the same writes either way (a pending
 * change, an email to the new address, the notice to the old one). For a taken address the pending change is one
 * nobody can finish (its link and code are mailed to no one) and the email is a note to that address's owner.
 */

/** "n•••@example.com": enough for the owner to recognise an address, not enough to harvest one. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  return `${email.slice(0, 1)}•••${email.slice(at)}`;
}

export type EmailChangeRequest = { status: "requested"; newEmail: string } | { status: "unchanged" } | Rejection;

/**
 * The confirmation to the new address speaks the language of the request (`locale`, the page it was asked on); the
 * notices to an account's owner speak that account's: the old address's, and a taken address's owner's.
 */
export async function requestEmailChange(
  input: { customerId: string; currentPassword: string; newEmail: string; locale: Locale },
  origin: RequestOrigin,
): Promise<EmailChangeRequest> {
  const { customer, rejection } = await confirmCurrentPassword(input.customerId, input.currentPassword, origin);
  if (rejection) return rejection;
  if (input.newEmail === customer.email) return { status: "unchanged" };
  const limit = await consumeRateLimits([["EMAIL_CHANGE_PER_ACCOUNT", customer.id]]);
  if (limit.limited) return { status: "rate-limited", retryAfterSeconds: limit.retryAfterSeconds };

  const now = new Date();
  const { storeName } = getConfig();
  await getDb().$transaction(async (tx) => {
    await lockCustomer(tx, customer.id);
    const holder = await tx.customer.findUnique({ where: { email: input.newEmail }, select: { name: true, locale: true } });
    // Also ends any earlier pending change: only the newest request can finish.
    const proof = await issueVerification(tx, { purpose: "email-change", email: input.newEmail, customerId: customer.id }, now);
    if (holder) {
      const locale = asLocale(holder.locale);
      await enqueueEmail(tx, {
        to: input.newEmail,
        template: "address-in-use",
        props: {
          locale,
          storeName,
          purpose: "email-change",
          customerName: holder.name,
          email: input.newEmail,
          signInUrl: buildSignInUrl(locale),
          forgotPasswordUrl: buildForgotPasswordUrl(locale),
        },
      });
    } else {
      const { locale } = input;
      await enqueueEmail(tx, {
        to: input.newEmail,
        template: "confirm-email",
        props: {
          locale,
          storeName,
          purpose: "email-change",
          email: input.newEmail,
          customerName: customer.name,
          confirmUrl: buildEmailChangeUrl(locale, proof.token, input.newEmail),
          code: proof.formattedCode,
          codeUrl: buildAccountUrl(locale),
          expiresIn: formatDuration(locale, VERIFICATION_TTL_MINUTES),
        },
      });
    }
    await recordSecurityEvent(customer.id, "email_change_requested", origin, tx);
    // The old address hears of it now, with a link that cancels it: if someone else has the password, that's where
    // the owner reads mail.
    await createAccountAlert(
      tx,
      { customerId: customer.id, change: "email-change-requested", previousEmail: customer.email },
      { to: customer.email, customerName: customer.name, locale: customer.locale, newEmail: maskEmail(input.newEmail), otherSessionsSignedOut: false },
      now,
    );
  });
  log.info({ event: "account.email_change_requested", customerId: customer.id });
  wakeOutboxWorker();
  return { status: "requested", newEmail: input.newEmail };
}

/** The change waiting for its link or code, for the account page: the same whether or not it can ever finish. */
export async function pendingEmailChange(customerId: string, now = new Date()): Promise<{ email: string; expiresAt: Date } | null> {
  return getDb().emailVerification.findFirst({
    where: { purpose: "email-change", customerId, usedAt: null, revokedAt: null, expiresAt: { gt: now } },
    orderBy: { createdAt: "desc" },
    select: { email: true, expiresAt: true },
  });
}

/** The shopper changed their mind: the pending change dies, and its link and code with it. */
export async function cancelEmailChange(customerId: string, origin: RequestOrigin): Promise<boolean> {
  const now = new Date();
  const cancelled = await getDb().$transaction(async (tx) => {
    const revoked = await revokePendingEmailChanges(tx, customerId, now);
    if (revoked.count > 0) await recordSecurityEvent(customerId, "email_change_cancelled", origin, tx);
    return revoked.count > 0;
  });
  return cancelled;
}

export type EmailChangeCompletion =
  | { status: "changed"; customerId: string; email: string }
  | { status: "address-taken" }
  | { status: UnusableLinkReason | "missing" };

/**
 * Uses the proof and moves the account, in one transaction under the customer's lock: the proof is used by one
 * conditional write; the address changes and counts as verified; every reset link and every other pending change
 * dies (they were for the old address); the activity list records it; and the old address is told, with a "This
 * wasn't me" link that puts it back. If the new address got an account since the request (a sign-up finished
 * meanwhile), nothing changes: "address-taken", which the person holding the proof may know.
 */
async function completeEmailChange(verification: LiveVerification, origin: RequestOrigin, now = new Date()): Promise<EmailChangeCompletion> {
  const customerId = verification.customerId;
  if (!customerId) return { status: "invalid" };
  try {
    return await getDb().$transaction(async (tx): Promise<EmailChangeCompletion> => {
      await lockCustomer(tx, customerId);
      if (!(await useVerification(tx, verification.id, now))) return { status: "used" };
      const customer = await tx.customer.findUniqueOrThrow({ where: { id: customerId }, select: { name: true, email: true, locale: true } });
      await tx.customer.update({ where: { id: customerId }, data: { email: verification.email, emailVerifiedAt: now } });
      await revokeOutstandingResetLinks(tx, customerId, now);
      await revokePendingEmailChanges(tx, customerId, now);
      await recordSecurityEvent(customerId, "email_changed", origin, tx);
      await createAccountAlert(
        tx,
        { customerId, change: "email-changed", previousEmail: customer.email },
        { to: customer.email, customerName: customer.name, locale: customer.locale, newEmail: verification.email, otherSessionsSignedOut: false },
        now,
      );
      return { status: "changed", customerId, email: verification.email };
    });
  } catch (error) {
    if (isUniqueConstraintViolation(error)) return { status: "address-taken" };
    throw error;
  } finally {
    wakeOutboxWorker();
  }
}

/** The code from the email, entered on the account page by the signed-in customer who asked. */
export async function confirmEmailChangeByCode(
  customerId: string,
  code: string,
  origin: RequestOrigin,
): Promise<EmailChangeCompletion | { status: "wrong-code" } | { status: "rate-limited"; retryAfterSeconds: number }> {
  const check = await checkVerificationCode(
    { purpose: "email-change", customerId },
    code,
    [["VERIFICATION_CODE_PER_ADDRESS", clientLimitKey(origin)]],
  );
  if (check.status !== "valid") return check;
  return completeEmailChange(check.verification, origin);
}

export { issueVerificationGrant as issueEmailChangeGrant };

/** What the confirmation page shows: the new address, or why this browser's grant can't be used. */
export async function checkEmailChangeGrant(grant: unknown): Promise<{ status: "valid"; email: string } | { status: UnusableLinkReason | "missing" }> {
  const check = await checkVerificationGrant("email-change", grant);
  return check.status === "valid" ? { status: "valid", email: check.verification.email } : check;
}

/** The confirmation page's button: the grant the emailed link left in this browser. No sign-in needed: the link is the proof. */
export async function confirmEmailChangeByGrant(grant: unknown, origin: RequestOrigin): Promise<EmailChangeCompletion> {
  const check = await checkVerificationGrant("email-change", grant);
  if (check.status !== "valid") return check;
  return completeEmailChange(check.verification, origin);
}
