import "server-only";
import { recordSecurityEvent } from "../audit";
import { LOCKED_PASSWORD_HASH } from "../auth/password-hash";
import { revokeAllSessions } from "../auth/sessions";
import type { RequestOrigin } from "../client-address";
import { lockCustomer } from "../auth/customer-lock";
import { getDb } from "../db";
import { log } from "../log";
import { wakeOutboxWorker } from "../outbox/worker-registry";
import { checkAccountAlert } from "./account-alerts";
import { startPasswordReset } from "./start-password-reset";
import { revokeOutstandingResetLinks } from "./revoke-reset-links";
import { hashSecretToken } from "./secret-token";

export type NotMeOutcome = { status: "secured"; email: string } | { status: "invalid" | "expired" | "used" };

/**
 * The customer says a change wasn't theirs. In one transaction: the alert is used up (one conditional write), an
 * email change is undone (when the old address is still free), the password is locked so nobody can sign in with
 * it, every session ends and every reset link dies. Then a fresh reset goes to the (restored) address, so the
 * customer, and only the customer, can get back in.
 */
export async function reportNotMe(token: unknown, origin: RequestOrigin, now = new Date()): Promise<NotMeOutcome> {
  const check = await checkAccountAlert(token, now);
  if (check.status !== "valid") return check;
  const tokenHash = hashSecretToken(token as string);

  // The transaction writes before it reads: on SQLite that takes the write lock at once, so a writer in another
  // process makes it wait (the busy timeout) instead of failing it when it first writes after reading.
  const email = await getDb().$transaction(async (tx) => {
    const used = await tx.accountAlert.updateMany({
      where: { tokenHash, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (used.count !== 1) return null;
    const { customerId } = await tx.accountAlert.findUniqueOrThrow({ where: { tokenHash }, select: { customerId: true } });
    await lockCustomer(tx, customerId);
    const alert = await tx.accountAlert.findUniqueOrThrow({ where: { tokenHash }, include: { customer: true } });
    let email = alert.customer.email;
    if (alert.kind === "email-changed" && alert.previousEmail && alert.previousEmail !== email) {
      const taken = await tx.customer.findUnique({ where: { email: alert.previousEmail }, select: { id: true } });
      if (!taken) email = alert.previousEmail;
    }
    await tx.customer.update({ where: { id: alert.customerId }, data: { email, passwordHash: LOCKED_PASSWORD_HASH } });
    await revokeOutstandingResetLinks(tx, alert.customerId, now);
    await recordSecurityEvent(alert.customerId, "not_me_reported", origin, tx);
    await revokeAllSessions(tx, alert.customerId, origin);
    // The way back in, for the owner only: a fresh reset to the (restored) address, in this same transaction.
    for (const write of startPasswordReset(tx, { id: alert.customerId, name: alert.customer.name, email }, origin, now)) await write;
    return email;
  });
  if (!email) return { status: "used" };
  log.warn({ event: "account.not_me_reported" }, "a customer reported a change they didn't make; account locked");
  wakeOutboxWorker();
  return { status: "secured", email };
}
