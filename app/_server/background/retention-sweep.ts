import "server-only";
import { getDb } from "../db";
import { SESSION_MAX_AGE_SECONDS } from "../auth/sessions";
import { getConfig } from "../env";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Reset links, codes and "This wasn't me" links stay a day past their expiry, so an old link still gets an
 * accurate "used", "replaced" or "expired" page, then go.
 */
export const DEAD_LINK_RETENTION_DAYS = 1;

export type SweepResult = {
  securityEvents: number;
  outboxEmails: number;
  resetTokens: number;
  accountAlerts: number;
  emailVerifications: number;
  sessions: number;
  rateLimitCounters: number;
};

/**
 * Deletes what has outlived its use, so no table grows forever: security events after SECURITY_EVENT_RETENTION_DAYS
 * (failed sign-ins after FAILED_SIGN_IN_RETENTION_DAYS), sent and failed outbox rows after OUTBOX_RETENTION_DAYS,
 * dead links (resets, sign-ups, email changes, alerts) a day after expiry, sessions unseen for longer than a session
 * lasts, and rate-limit counters whose window is over. Each is one indexed delete; safe to
 * run from any number of processes at once (a row deleted twice is deleted once).
 */
export async function sweepExpiredRecords(now = new Date()): Promise<SweepResult> {
  const { retention } = getConfig();
  const daysAgo = (days: number) => new Date(now.getTime() - days * DAY_MS);
  const db = getDb();
  const deadLinks = { expiresAt: { lt: daysAgo(DEAD_LINK_RETENTION_DAYS) } };
  const [events, failures, outbox, tokens, alerts, verifications, sessions, counters] = await Promise.all([
    db.securityEvent.deleteMany({ where: { createdAt: { lt: daysAgo(retention.securityEventDays) } } }),
    db.securityEvent.deleteMany({ where: { type: "sign_in_failed", createdAt: { lt: daysAgo(retention.failedSignInDays) } } }),
    db.outboxEmail.deleteMany({ where: { status: { in: ["sent", "failed"] }, createdAt: { lt: daysAgo(retention.outboxDays) } } }),
    db.passwordResetToken.deleteMany({ where: deadLinks }),
    db.accountAlert.deleteMany({ where: deadLinks }),
    db.emailVerification.deleteMany({ where: deadLinks }),
    db.session.deleteMany({ where: { lastSeenAt: { lt: new Date(now.getTime() - SESSION_MAX_AGE_SECONDS * 1000) } } }),
    db.rateLimit.deleteMany({ where: { expire: { lt: now } } }),
  ]);
  return {
    securityEvents: events.count + failures.count,
    outboxEmails: outbox.count,
    resetTokens: tokens.count,
    accountAlerts: alerts.count,
    emailVerifications: verifications.count,
    sessions: sessions.count,
    rateLimitCounters: counters.count,
  };
}
