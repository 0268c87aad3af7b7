import "server-only";
import { randomUUID } from "node:crypto";
import type { RequestOrigin } from "./client-address";
import { getDb, type Database } from "./db";

/** Events a customer sees in their activity list. None of them carries a token, code or password. */
export const SECURITY_EVENT_TYPES = [
  "sign_in_succeeded",
  "sign_in_failed",
  "password_reset_requested",
  "password_reset_completed",
  "password_changed",
  "sessions_revoked",
  "session_ended",
  "email_change_requested",
  "email_change_cancelled",
  "email_changed",
  "not_me_reported",
  "account_created",
] as const;

export type SecurityEventType = (typeof SECURITY_EVENT_TYPES)[number];

/** Interactive-transaction clients and the main client both work, so an event can commit with the change it records. */
type Writer = Pick<Database, "securityEvent">;

export function recordSecurityEvent(customerId: string, type: SecurityEventType, origin: RequestOrigin, writer: Writer = getDb()) {
  // Prisma's lazy operation, not yet run: awaiting it runs it, and a batch transaction can take it.
  return writer.securityEvent.create({ data: { customerId, type, ip: origin.ip, userAgent: origin.userAgent }, select: { id: true } });
}

/**
 * Records a failed sign-in for whichever account has this email, if any, in one statement that runs the same way
 * for a registered and an unknown address (it inserts one row or none). A write only for real accounts would make
 * their failures measurably slower than a stranger's.
 */
export function recordFailedSignIn(email: string, origin: RequestOrigin, now = new Date()) {
  const type: SecurityEventType = "sign_in_failed";
  return getDb().$executeRaw`
    INSERT INTO "SecurityEvent" ("id", "customerId", "type", "ip", "userAgent", "createdAt")
    SELECT ${randomUUID()}, "id", ${type}, ${origin.ip}, ${origin.userAgent}, ${now} FROM "Customer" WHERE "email" = ${email}`;
}

/** One line of a customer's activity: an event, or a run of the same event in a row (`count` of them). */
export type SecurityEventView = {
  id: string;
  type: SecurityEventType;
  ip: string;
  userAgent: string;
  /** The latest of the run. */
  createdAt: Date;
  /** The earliest of the run; the same as createdAt for a single event. */
  firstAt: Date;
  count: number;
  /** The run may go back further than was read (ACTIVITY_READ_LIMIT): say "at least". */
  countIsAtLeast: boolean;
};

/** Changes to the account: always shown, however many sign-in attempts came after them. */
const ACCOUNT_CHANGES: SecurityEventType[] = [
  "password_reset_completed",
  "password_changed",
  "email_change_requested",
  "email_change_cancelled",
  "email_changed",
  "not_me_reported",
  "sessions_revoked",
  "session_ended",
];
const ACCOUNT_CHANGES_SHOWN = 5;
const ACTIVITY_READ_LIMIT = 200;

/**
 * What the account page shows: the latest `limit` lines, where a run of the same event in a row (a hundred wrong
 * passwords from a script) is one line with a count, plus the last few account changes wherever they fall, so a
 * flood of failed sign-ins can't push "Email address changed" out of sight.
 */
export async function recentSecurityEvents(customerId: string, limit = 10): Promise<SecurityEventView[]> {
  const db = getDb();
  const select = { id: true, type: true, ip: true, userAgent: true, createdAt: true } as const;
  const [recent, changes] = await Promise.all([
    db.securityEvent.findMany({ where: { customerId }, orderBy: { createdAt: "desc" }, take: ACTIVITY_READ_LIMIT, select }),
    db.securityEvent.findMany({ where: { customerId, type: { in: ACCOUNT_CHANGES } }, orderBy: { createdAt: "desc" }, take: ACCOUNT_CHANGES_SHOWN, select }),
  ]);
  const lines: SecurityEventView[] = [];
  for (const event of recent) {
    const previous = lines.at(-1);
    if (previous && previous.type === event.type) {
      previous.count += 1;
      previous.firstAt = event.createdAt;
    } else {
      lines.push({ ...event, type: event.type as SecurityEventType, firstAt: event.createdAt, count: 1, countIsAtLeast: false });
    }
  }
  const last = lines.at(-1);
  if (last && recent.length === ACTIVITY_READ_LIMIT) last.countIsAtLeast = true;
  const shown = lines.slice(0, limit);
  const shownIds = new Set(recent.slice(0, shown.reduce((sum, line) => sum + line.count, 0)).map((event) => event.id));
  for (const change of changes) {
    if (shownIds.has(change.id)) continue;
    shown.push({ ...change, type: change.type as SecurityEventType, firstAt: change.createdAt, count: 1, countIsAtLeast: false });
  }
  return shown.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
}
