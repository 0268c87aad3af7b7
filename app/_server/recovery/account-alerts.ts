import "server-only";
import type { AccountChange } from "@/emails/account-changed";
import { formatDateTime } from "@/app/_lib/format";
import { asLocale } from "@/i18n/locales.mjs";
import { getDb, type Database } from "../db";
import { getConfig } from "../env";
import { enqueueEmail } from "../outbox/enqueue-email";
import { buildNotMeUrl } from "./emailed-links";
import { generateSecretToken, hashSecretToken, isSecretTokenShape } from "./secret-token";

/**
 * "This wasn't me": every password or email change is followed by an email with a link that undoes the damage if
 * the customer didn't make it (see report-not-me.ts). The link's token is stored only as a hash, lasts a week, and
 * works once.
 */
export type { AccountChange };
const ALERT_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export type AccountChangeNotice = {
  to: string;
  customerName: string;
  /** The account's language (Customer.locale): a notice to an account's owner speaks theirs. */
  locale: string;
  newEmail?: string;
  otherSessionsSignedOut: boolean;
};

/**
 * Inside the transaction that makes a change: stores a new alert (only its token's hash) and queues the email that
 * tells the customer, with the alert's link, so the change, the alert and the email commit together.
 */
export async function createAccountAlert(
  writer: Pick<Database, "accountAlert" | "outboxEmail">,
  alert: { customerId: string; change: AccountChange; previousEmail?: string },
  notice: AccountChangeNotice,
  now: Date,
): Promise<void> {
  const { token, tokenHash } = generateSecretToken();
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
  const locale = asLocale(notice.locale);
  await enqueueEmail(writer, {
    to: notice.to,
    template: "account-changed",
    props: {
      locale,
      storeName,
      customerName: notice.customerName,
      change: alert.change,
      email: notice.to,
      newEmail: notice.newEmail,
      changedAt: formatDateTime(locale, now),
      notMeUrl: buildNotMeUrl(locale, token),
      otherSessionsSignedOut: notice.otherSessionsSignedOut,
    },
  });
}

export type AlertCheck = { status: "valid"; change: AccountChange } | { status: "invalid" | "expired" | "used" };

/** Without acting on it: the page asks for confirmation first. */
export async function checkAccountAlert(token: unknown, now = new Date()): Promise<AlertCheck> {
  if (!isSecretTokenShape(token)) return { status: "invalid" };
  const alert = await getDb().accountAlert.findUnique({ where: { tokenHash: hashSecretToken(token) } });
  if (!alert) return { status: "invalid" };
  if (alert.usedAt) return { status: "used" };
  if (alert.expiresAt <= now) return { status: "expired" };
  return { status: "valid", change: alert.kind as AccountChange };
}
