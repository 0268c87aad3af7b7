import "server-only";
import { recordSecurityEvent } from "../audit";
import { revokePendingEmailChanges } from "./email-verification";
import { revokeAllSessions } from "../auth/sessions";
import type { RequestOrigin } from "../client-address";
import type { Database } from "../db";
import { createAccountAlert } from "./account-alerts";
import { revokeOutstandingResetLinks } from "./revoke-reset-links";

type Transaction = Pick<
  Database,
  "customer" | "passwordResetToken" | "securityEvent" | "accountAlert" | "outboxEmail" | "session" | "emailVerification"
>;

/**
 * What setting a new password means, however it is set (a reset, or a change on the account page), inside the
 * caller's transaction: the new hash is stored; every outstanding reset link and code dies, and so does any pending
 * email change (asked for by whoever had the old password, perhaps); with signOutOtherSessions, every session but
 * `keepSession` (the browser making the change) ends; the activity list records it; and the email that tells the
 * customer, with its "This wasn't me" link, is queued. A completed reset also proves the customer reads mail at the
 * address, so it marks the address verified.
 */
export async function replacePassword(
  tx: Transaction,
  change: {
    customer: { id: string; email: string; name: string; locale: string };
    passwordHash: string;
    signOutOtherSessions: boolean;
    keepSession?: string;
    via: "password-reset" | "password-changed";
  },
  origin: RequestOrigin,
  now: Date,
): Promise<void> {
  const customerId = change.customer.id;
  // First, so it also takes the customer's row lock (auth/customer-lock.ts): a reset being issued meanwhile waits.
  const verified = change.via === "password-reset" ? { emailVerifiedAt: now } : {};
  await tx.customer.update({ where: { id: customerId }, data: { passwordHash: change.passwordHash, ...verified } });
  await revokeOutstandingResetLinks(tx, customerId, now);
  await revokePendingEmailChanges(tx, customerId, now);
  await recordSecurityEvent(customerId, change.via === "password-reset" ? "password_reset_completed" : "password_changed", origin, tx);
  if (change.signOutOtherSessions) await revokeAllSessions(tx, customerId, origin, change.keepSession);
  await createAccountAlert(
    tx,
    { customerId, change: change.via },
    { to: change.customer.email, customerName: change.customer.name, locale: change.customer.locale, otherSessionsSignedOut: change.signOutOtherSessions },
    now,
  );
}
