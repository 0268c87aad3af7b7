import "server-only";
import { getDb } from "../db";

export type OutboxHealth = {
  /** Messages waiting to be sent (including those waiting for a retry) or being sent right now. */
  backlog: number;
  /** Age of the oldest message not yet sent, in seconds; 0 when the backlog is empty. */
  oldestPendingAgeSeconds: number;
  /** Messages that failed for good (see the `email.failed` log lines). */
  failed: number;
};

/** What an operator needs to see whether mail is flowing. Counts only: nothing about recipients or content. */
export async function readOutboxHealth(now = new Date()): Promise<OutboxHealth> {
  const db = getDb();
  const unsent = { status: { in: ["pending", "sending"] } };
  const [backlog, failed, oldest] = await Promise.all([
    db.outboxEmail.count({ where: unsent }),
    db.outboxEmail.count({ where: { status: "failed" } }),
    db.outboxEmail.findFirst({ where: unsent, orderBy: { createdAt: "asc" }, select: { createdAt: true } }),
  ]);
  return {
    backlog,
    oldestPendingAgeSeconds: oldest ? Math.max(0, Math.round((now.getTime() - oldest.createdAt.getTime()) / 1000)) : 0,
    failed,
  };
}
