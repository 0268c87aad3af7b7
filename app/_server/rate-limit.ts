import "server-only";
import { createHash } from "node:crypto";
import { Prisma } from "@/prisma/generated/sqlite/client";
import { getDb } from "./db";
import { getConfig, type RateLimitName } from "./env";

export type { RateLimitName };

export type RateLimitOutcome = { limited: false } | { limited: true; retryAfterSeconds: number };

/** One attempt to count: against which limit, for what (an address, an email, a link). */
export type RateLimitCheck = readonly [RateLimitName, string];

/**
 * Fixed-window counters in the database (the RateLimit table), so limits hold across restarts and across every
 * process and instance sharing it. All the limits of one attempt are counted by a single statement: an upsert of
 * one row per limit that adds the attempt, or, where the stored window has run out, starts a new one holding just
 * it, atomically, so of many attempts racing past an expiry one opens the window and the others count in it. One
 * statement per attempt is what the store's busiest doors can afford (docs/BENCHMARKS.md). Plain SQL that SQLite
 * and PostgreSQL both accept; Prisma binds the values.
 */
type Counted = { key: string; points: number; expire: Date | string | null };

/** Keys are hashed: the counters table never holds an email address or a client address. */
export function counterRowKey(name: RateLimitName, key: string): string {
  return `${name}:${createHash("sha256").update(key, "utf8").digest("base64url")}`;
}

function rows(checks: readonly RateLimitCheck[], now: Date) {
  const { rateLimits } = getConfig();
  const byKey = new Map<string, { points: number; expire: Date }>();
  for (const [name, key] of checks) {
    const policy = rateLimits[name];
    byKey.set(counterRowKey(name, key), { points: policy.points, expire: new Date(now.getTime() + policy.windowMinutes * 60_000) });
  }
  return byKey;
}

/** How an inserted attempt meets its counter: added to the window, or, where that ran out, starting a new one. */
function addToWindow(now: Date) {
  return Prisma.sql`
    ON CONFLICT ("key") DO UPDATE SET
      "points" = CASE WHEN "RateLimit"."expire" <= ${now} THEN excluded."points" ELSE "RateLimit"."points" + excluded."points" END,
      "expire" = CASE WHEN "RateLimit"."expire" <= ${now} THEN excluded."expire" ELSE "RateLimit"."expire" END
    RETURNING "key", "points", "expire"`;
}

/**
 * The statement that counts one attempt against every listed limit (all of them, so an attempt over one limit still
 * counts against the others), as Prisma's lazy operation: awaiting it runs it, and a batch transaction can take it.
 */
export function countAttempt(checks: readonly RateLimitCheck[], now = new Date()) {
  const values = [...rows(checks, now)].map(([key, { expire }]) => Prisma.sql`(${key}, 1, ${expire})`);
  return getDb().$queryRaw<Counted[]>`
    INSERT INTO "RateLimit" ("key", "points", "expire") VALUES ${Prisma.join(values)} ${addToWindow(now)}`;
}

/**
 * The statement that counts an attempt against one limit only while `condition` holds (a `withinLimits` of other
 * counters, say), as Prisma's lazy operation: for a limit that must not be used up by attempts other limits have
 * already refused. Resolves to the counter's row, or to none when the condition kept it from counting.
 */
export function countAttemptWhen(check: RateLimitCheck, condition: Prisma.Sql, now = new Date()) {
  const key = counterRowKey(...check);
  const expire = new Date(now.getTime() + getConfig().rateLimits[check[0]].windowMinutes * 60_000);
  return getDb().$queryRaw<Counted[]>`
    INSERT INTO "RateLimit" ("key", "points", "expire") SELECT ${key}, 1, ${expire} WHERE ${condition} ${addToWindow(now)}`;
}

/** Whether the counted attempt is over any of its limits, and how long until the strictest allows another. */
export function attemptOutcome(checks: readonly RateLimitCheck[], counted: Counted[], now = new Date()): RateLimitOutcome {
  const policies = rows(checks, now);
  let retryAfterMs = 0;
  for (const row of counted) {
    const policy = policies.get(row.key);
    if (!policy || row.points <= policy.points) continue;
    const expire = row.expire === null ? now : new Date(row.expire);
    retryAfterMs = Math.max(retryAfterMs, expire.getTime() - now.getTime(), 1);
  }
  return retryAfterMs > 0 ? { limited: true, retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) } : { limited: false };
}

/**
 * A condition, for a statement in the same transaction after `countAttempt`, that holds only while every counter is
 * within its limit: so a write can depend on the attempt being allowed without another round trip.
 */
export function withinLimits(checks: readonly RateLimitCheck[], now = new Date()) {
  const over = [...rows(checks, now)].map(([key, { points }]) => Prisma.sql`("key" = ${key} AND "points" > ${points})`);
  return Prisma.sql`NOT EXISTS (SELECT 1 FROM "RateLimit" WHERE ${Prisma.join(over, " OR ")})`;
}

/** Counts one attempt against every listed limit and says whether it may go ahead. */
export async function consumeRateLimits(checks: readonly RateLimitCheck[]): Promise<RateLimitOutcome> {
  const now = new Date();
  return attemptOutcome(checks, await countAttempt(checks, now), now);
}

/** Forgets the attempts counted for a key, e.g. a sign-in limit once the right password has been given. */
export async function resetRateLimit(name: RateLimitName, key: string): Promise<void> {
  await getDb().rateLimit.deleteMany({ where: { key: counterRowKey(name, key) } });
}
