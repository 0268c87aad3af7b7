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
  "email_changed",
  "not_me_reported",
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

export type SecurityEventView = { id: string; type: SecurityEventType; ip: string; userAgent: string; createdAt: Date };

export async function recentSecurityEvents(customerId: string, limit = 10): Promise<SecurityEventView[]> {
  const events = await getDb().securityEvent.findMany({
    where: { customerId },
    orderBy: { createdAt: "desc" },
    take: limit,
    select: { id: true, type: true, ip: true, userAgent: true, createdAt: true },
  });
  return events.map((event) => ({ ...event, type: event.type as SecurityEventType }));
}
