import "server-only";
import type { AccountChangedEmailProps } from "@/emails/account-changed";
import { recordSecurityEvent } from "../audit";
import { LOCKED_PASSWORD_HASH } from "../auth/password-hash";
import type { RequestOrigin } from "../client-address";
import { getDb, type Database } from "../db";
import { getConfig } from "../env";
import { log } from "../log";
import { enqueueEmail, wakeOutboxWorker } from "../outbox/enqueue-email";
import { startPasswordReset } from "../recovery/request-password-reset";
import { generateResetToken, hashResetToken } from "../recovery/reset-token";
import { revokeOutstandingResetLinks } from "../recovery/revoke-reset-links";

/**
 * "This wasn't me": every password or email change is followed by an email with a link that undoes the damage if
 * the customer didn't make it. The link's token is stored only as a hash, lasts a week, and works once.
 */
export type AccountChange = AccountChangedEmailProps["change"];
const ALERT_TTL_MS = 7 * 24 * 60 * 60 * 1000;

type AlertWriter = Pick<Database, "accountAlert" | "outboxEmail">;

/** Who the "your account changed" email goes to, and what it says beyond the change itself. */
export type AccountChangeNotice = {
  to: string;
  customerName: string;
  newEmail?: string;
  otherSessionsSignedOut: boolean;
};

/**
 * Inside the transaction that makes a change: stores a new "this wasn't me" alert (only its token's hash) and queues
 * the email that tells the customer, with the alert's link. The change, the alert and the email commit together.
 */
export async function createAccountAlert(
  writer: AlertWriter,
  alert: { customerId: string; change: AccountChange; previousEmail?: string },
  notice: AccountChangeNotice,
  now: Date,
): Promise<void> {
  const { token, tokenHash } = generateResetToken();
  await writer.accountAlert.create({
    data: {
      tokenHash,
      customerId: alert.customerId,
      kind: alert.change,
      previousEmail: alert.previousEmail ?? null,
      expiresAt: new Date(now.getTime() + ALERT_TTL_MS),
    },
  });
  const { storeName } = getConfig();
  const subjects: Record<AccountChange, string> = {
    "password-reset": `Your ${storeName} password was reset`,
    "password-changed": `Your ${storeName} password was changed`,
    "email-changed": `Your ${storeName} email address was changed`,
  };
  await enqueueEmail(writer, {
    to: notice.to,
    subject: subjects[alert.change],
    template: "account-changed",
    props: {
      storeName,
      customerName: notice.customerName,
      change: alert.change,
      email: notice.to,
      newEmail: notice.newEmail,
      changedAt: `${changedAtFormat.format(now)} UTC`,
      notMeUrl: buildNotMeUrl(token),
      otherSessionsSignedOut: notice.otherSessionsSignedOut,
    },
  });
}

export function buildNotMeUrl(alertToken: string): string {
  const url = new URL("/account/not-me", getConfig().appUrl);
  url.searchParams.set("token", alertToken);
  return url.toString();
}

const changedAtFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export type AlertCheck = { status: "valid"; change: AccountChange } | { status: "invalid" | "expired" | "used" };

/** Checks a "this wasn't me" link without acting on it (the page asks for confirmation first). */
export async function checkAccountAlert(token: unknown, now = new Date()): Promise<AlertCheck> {
  if (typeof token !== "string" || !/^[A-Za-z0-9_-]{43}$/.test(token)) return { status: "invalid" };
  const alert = await getDb().accountAlert.findUnique({ where: { tokenHash: hashResetToken(token) } });
  if (!alert) return { status: "invalid" };
  if (alert.usedAt) return { status: "used" };
  if (alert.expiresAt <= now) return { status: "expired" };
  return { status: "valid", change: alert.kind as AccountChange };
}

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
  const tokenHash = hashResetToken(token as string);

  const email = await getDb().$transaction(async (tx) => {
    const alert = await tx.accountAlert.findUnique({ where: { tokenHash }, include: { customer: true } });
    const used = await tx.accountAlert.updateMany({
      where: { tokenHash, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (!alert || used.count !== 1) return null;
    let email = alert.customer.email;
    if (alert.kind === "email-changed" && alert.previousEmail && alert.previousEmail !== email) {
      const taken = await tx.customer.findUnique({ where: { email: alert.previousEmail }, select: { id: true } });
      if (!taken) email = alert.previousEmail;
    }
    await tx.customer.update({
      where: { id: alert.customerId },
      data: { email, passwordHash: LOCKED_PASSWORD_HASH, sessionVersion: { increment: 1 } },
    });
    await revokeOutstandingResetLinks(tx, alert.customerId, now);
    await recordSecurityEvent(alert.customerId, "not_me_reported", origin, tx);
    await recordSecurityEvent(alert.customerId, "sessions_revoked", origin, tx);
    // The way back in, for the owner only: a fresh reset to the (restored) address, in this same transaction.
    for (const write of startPasswordReset(tx, { id: alert.customerId, name: alert.customer.name, email }, origin, now)) await write;
    return email;
  });
  if (!email) return { status: "used" };
  log.warn({ event: "account.not_me_reported" }, "a customer reported a change they didn't make; account locked");
  wakeOutboxWorker();
  return { status: "secured", email };
}
