import "server-only";
import { recordSecurityEvent } from "../audit";
import type { RequestOrigin } from "../client-address";
import type { Database } from "../db";
import { revokeOutstandingResetLinks } from "../recovery/revoke-reset-links";
import { createAccountAlert } from "./account-alerts";

type Transaction = Pick<Database, "customer" | "passwordResetToken" | "securityEvent" | "accountAlert">;

/**
 * What setting a new password means, however it is set (a reset or a change on the account page), inside the
 * caller's transaction: the new hash is stored; with signOutOtherSessions, every session ends; every outstanding
 * reset link and code dies; the customer's activity records it; and a "this wasn't me" alert is created for the
 * email that tells them. Returns that alert's token, for the link in the email.
 */
export async function replacePassword(
  tx: Transaction,
  change: { customerId: string; passwordHash: string; signOutOtherSessions: boolean; via: "password-reset" | "password-changed" },
  origin: RequestOrigin,
  now: Date,
): Promise<string> {
  await tx.customer.update({
    where: { id: change.customerId },
    data: { passwordHash: change.passwordHash, ...(change.signOutOtherSessions ? { sessionVersion: { increment: 1 } } : {}) },
  });
  await revokeOutstandingResetLinks(tx, change.customerId, now);
  await recordSecurityEvent(change.customerId, change.via === "password-reset" ? "password_reset_completed" : "password_changed", origin, tx);
  if (change.signOutOtherSessions) await recordSecurityEvent(change.customerId, "sessions_revoked", origin, tx);
  return createAccountAlert(tx, { customerId: change.customerId, change: change.via }, now);
}
