import "server-only";
import { recordSecurityEvent } from "../audit";
import type { RequestOrigin } from "../client-address";
import type { Database } from "../db";
import { revokeOutstandingResetLinks } from "../recovery/revoke-reset-links";
import { createAccountAlert } from "./account-alerts";

type Transaction = Pick<Database, "customer" | "passwordResetToken" | "securityEvent" | "accountAlert" | "outboxEmail">;

/**
 * What setting a new password means, however it is set (a reset or a change on the account page), inside the
 * caller's transaction: the new hash is stored; with signOutOtherSessions, every session ends; every outstanding
 * reset link and code dies; the customer's activity records it; and the email that tells them, with its "this
 * wasn't me" link, is queued.
 */
export async function replacePassword(
  tx: Transaction,
  change: {
    customer: { id: string; email: string; name: string };
    passwordHash: string;
    signOutOtherSessions: boolean;
    via: "password-reset" | "password-changed";
  },
  origin: RequestOrigin,
  now: Date,
): Promise<void> {
  const customerId = change.customer.id;
  await tx.customer.update({
    where: { id: customerId },
    data: { passwordHash: change.passwordHash, ...(change.signOutOtherSessions ? { sessionVersion: { increment: 1 } } : {}) },
  });
  await revokeOutstandingResetLinks(tx, customerId, now);
  await recordSecurityEvent(customerId, change.via === "password-reset" ? "password_reset_completed" : "password_changed", origin, tx);
  if (change.signOutOtherSessions) await recordSecurityEvent(customerId, "sessions_revoked", origin, tx);
  await createAccountAlert(
    tx,
    { customerId, change: change.via },
    { to: change.customer.email, customerName: change.customer.name, otherSessionsSignedOut: change.signOutOtherSessions },
    now,
  );
}
