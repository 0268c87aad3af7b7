import "server-only";
import { DEFAULT_LOCALE, type Locale } from "@/i18n/locales.mjs";
import { recordSecurityEvent } from "../audit";
import { LOCKED_PASSWORD_HASH } from "../auth/password-hash";
import { revokeAllSessions } from "../auth/sessions";
import type { RequestOrigin } from "../client-address";
import { lockCustomer } from "../auth/customer-lock";
import { revokePendingEmailChanges } from "./email-verification";
import { type Database, getDb } from "../db";
import { log } from "../log";
import { wakeOutboxWorker } from "../outbox/worker-registry";
import { checkAccountAlert } from "./account-alerts";
import { startPasswordReset } from "./start-password-reset";
import { revokeOutstandingResetLinks } from "./revoke-reset-links";
import { hashSecretToken } from "./secret-token";

/** `email` is where the fresh reset went; null when none could be sent safely (see below). */
export type NotMeOutcome = { status: "secured"; email: string | null } | { status: "invalid" | "expired" | "used" };

/**
 * The customer says a change wasn't theirs. In one transaction: the alert is used up (one conditional write), any
 * pending email change is cancelled, an email change is undone, the password is locked so nobody can sign in with
 * it, every session ends and every reset link dies. Then a fresh reset goes to the restored address, so the
 * customer, and only the customer, can get back in.
 *
 * The alert went to the address the account had before the change, so that is where the owner reads mail, and
 * where the account goes back to. If an account that never proved its address has taken it since (one made before
 * sign-up confirmed addresses), that account loses it: an unproven claim can't keep an address from its owner.
 * Only an account that has proven the address keeps it; then no reset is sent at all, since the account's current
 * address is the one the owner says wasn't theirs, and the owner is told to contact the store.
 */
export async function reportNotMe(token: unknown, origin: RequestOrigin, locale: Locale = DEFAULT_LOCALE, now = new Date()): Promise<NotMeOutcome> {
  const check = await checkAccountAlert(token, now);
  if (check.status !== "valid") return check;
  const tokenHash = hashSecretToken(token as string);

  // The transaction writes before it reads: on SQLite that takes the write lock at once, so a writer in another
  // process makes it wait (the busy timeout) instead of failing it when it first writes after reading.
  const outcome = await getDb().$transaction(async (tx) => {
    const used = await tx.accountAlert.updateMany({
      where: { tokenHash, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (used.count !== 1) return null;
    const { customerId } = await tx.accountAlert.findUniqueOrThrow({ where: { tokenHash }, select: { customerId: true } });
    await lockCustomer(tx, customerId);
    const alert = await tx.accountAlert.findUniqueOrThrow({ where: { tokenHash }, include: { customer: true } });
    let email: string | null = alert.customer.email;
    if (alert.previousEmail && alert.previousEmail !== email) {
      const holder = await tx.customer.findUnique({ where: { email: alert.previousEmail }, select: { id: true, emailVerifiedAt: true } });
      if (holder && !holder.emailVerifiedAt) await releaseAddress(tx, holder.id, origin, now);
      email = !holder || !holder.emailVerifiedAt ? alert.previousEmail : null;
    }
    await tx.customer.update({ where: { id: alert.customerId }, data: { ...(email ? { email } : {}), passwordHash: LOCKED_PASSWORD_HASH } });
    await revokeOutstandingResetLinks(tx, alert.customerId, now);
    await revokePendingEmailChanges(tx, alert.customerId, now);
    await recordSecurityEvent(alert.customerId, "not_me_reported", origin, tx);
    await revokeAllSessions(tx, alert.customerId, origin);
    // The way back in, for the owner only: a fresh reset to the restored address, in this same transaction.
    if (email) for (const write of startPasswordReset(tx, { id: alert.customerId, name: alert.customer.name, email }, origin, now, locale)) await write;
    return { email };
  });
  if (!outcome) return { status: "used" };
  const { email } = outcome;
  log.warn({ event: "account.not_me_reported", resetSent: email !== null }, "a customer reported a change they didn't make; account locked");
  wakeOutboxWorker();
  return { status: "secured", email };
}

/**
 * Takes an address away from an account that never proved it, so its owner can have it back: the account gets a
 * placeholder address no mail can reach (RFC 2606's .invalid), and its sessions and reset links end. The account
 * itself stays, for the store to look at.
 */
async function releaseAddress(tx: Parameters<Parameters<Database["$transaction"]>[0]>[0], customerId: string, origin: RequestOrigin, now: Date) {
  await tx.customer.update({ where: { id: customerId }, data: { email: `released-${customerId}@address.invalid` } });
  await revokeOutstandingResetLinks(tx, customerId, now);
  await revokeAllSessions(tx, customerId, origin);
  log.warn({ event: "account.address_released", customerId }, "an unverified account lost an address its owner reclaimed");
}
