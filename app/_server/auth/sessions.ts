import "server-only";
import { randomBytes } from "node:crypto";
import { recordSecurityEvent } from "../audit";
import type { RequestOrigin } from "../client-address";
import { getDb, type Database } from "../db";

/**
 * Sessions are JWTs that name a row of the Session table. Every authenticated request reads that row by its primary
 * key (one indexed read, `checkSession`); deleting it ends the session at the browser's next request, on whatever
 * device it is. The row also says where and when it started, for "Where you're signed in" on the account page.
 */
const SESSION_ID_BYTES = 32;

/** How long a session lasts without use: the JWT's own lifetime (auth.ts), after which its row is swept. */
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

/** How stale `lastSeenAt` may get before a request moves it on: a write every few minutes, not on every request. */
export const SESSION_SEEN_RESOLUTION_MS = 5 * 60_000;

/** Starts a session for a customer who has just proved who they are; its id goes into their JWT. */
export async function startSession(customerId: string, origin: RequestOrigin, now = new Date()): Promise<string> {
  const id = randomBytes(SESSION_ID_BYTES).toString("base64url");
  await getDb().session.create({
    data: { id, customerId, ip: origin.ip, userAgent: origin.userAgent, createdAt: now, lastSeenAt: now },
    select: { id: true },
  });
  return id;
}

/**
 * Whether the session a JWT names is still live, and still the customer's: the one read every authenticated request
 * makes. When its last-seen time is older than SESSION_SEEN_RESOLUTION_MS, it is moved on, in a conditional write
 * that only the first of several concurrent requests makes.
 */
export async function checkSession(sessionId: unknown, customerId: unknown, now = new Date()): Promise<boolean> {
  if (typeof sessionId !== "string" || typeof customerId !== "string" || !sessionId) return false;
  const db = getDb();
  const session = await db.session.findUnique({ where: { id: sessionId }, select: { customerId: true, lastSeenAt: true } });
  if (!session || session.customerId !== customerId) return false;
  const staleBefore = new Date(now.getTime() - SESSION_SEEN_RESOLUTION_MS);
  if (session.lastSeenAt < staleBefore) {
    await db.session.updateMany({ where: { id: sessionId, lastSeenAt: { lt: staleBefore } }, data: { lastSeenAt: now } });
  }
  return true;
}

export type SignedInDevice = { id: string; ip: string; userAgent: string; createdAt: Date; lastSeenAt: Date; current: boolean };

/** The customer's live sessions, the current one first, then the most recently seen. */
export async function listSessions(customerId: string, currentSessionId: string | null): Promise<SignedInDevice[]> {
  const sessions = await getDb().session.findMany({
    where: { customerId },
    orderBy: { lastSeenAt: "desc" },
    select: { id: true, ip: true, userAgent: true, createdAt: true, lastSeenAt: true },
  });
  return sessions
    .map((session) => ({ ...session, current: session.id === currentSessionId }))
    .sort((a, b) => Number(b.current) - Number(a.current));
}

/** Signing out: this one session ends on the server, so a copy of its cookie stops working too. */
export async function endSession(sessionId: string): Promise<void> {
  await getDb().session.deleteMany({ where: { id: sessionId } });
}

/**
 * Ends one of the customer's other sessions from the account page ("Sign out" beside it). Only the customer's own:
 * an id belonging to someone else ends nothing. Returns whether it ended one.
 */
export async function endOtherSession(customerId: string, sessionId: string, origin: RequestOrigin): Promise<boolean> {
  return getDb().$transaction(async (tx) => {
    const ended = await tx.session.deleteMany({ where: { id: sessionId, customerId } });
    if (ended.count === 0) return false;
    await recordSecurityEvent(customerId, "session_ended", origin, tx);
    return true;
  });
}

/**
 * Ends the customer's sessions, and records it in their activity, inside the caller's transaction: every one, or
 * every one but `keep` (the browser asking, on "Sign out everywhere else" or a password change).
 */
export async function revokeAllSessions(
  writer: Pick<Database, "session" | "securityEvent">,
  customerId: string,
  origin: RequestOrigin,
  keep?: string | null,
): Promise<void> {
  await writer.session.deleteMany({ where: keep ? { customerId, id: { not: keep } } : { customerId } });
  await recordSecurityEvent(customerId, "sessions_revoked", origin, writer);
}
