import "server-only";
import { createHash } from "node:crypto";
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import { getDb } from "./db";
import { getConfig, type RateLimitName } from "./env";

export type { RateLimitName };

export type RateLimitOutcome = { limited: false } | { limited: true; retryAfterSeconds: number };

type Counter = { points: number; expire: Date | null };

/**
 * rate-limiter-flexible's Prisma store, counting with one database statement where the library spends two.
 *
 * The library deletes an expired counter and then upserts it: two round trips through Prisma on every attempt,
 * for the rare attempt that opens a new window. Every reset request and sign-in pays that for each of its limits,
 * and it was the largest single cost of a reset request under load (docs/BENCHMARKS.md). Here one upsert counts
 * the attempt and, when the stored window has run out, starts a new one holding just this attempt, atomically:
 * of many attempts racing past an expiry, one opens the window and the others count in it. Everything else
 * (points, blocks, Retry-After) is the library's. Plain SQL that SQLite and PostgreSQL both accept; Prisma binds
 * the values.
 */
class SingleStatementRateLimiterPrisma extends RateLimiterPrisma {
  async _upsert(key: string, points: number, msDuration: number, forceExpire = false): Promise<Counter> {
    const db = getDb();
    const now = new Date();
    const expire = msDuration > 0 ? new Date(now.getTime() + msDuration) : null;
    if (forceExpire) {
      return db.rateLimit.upsert({ where: { key }, create: { key, points, expire }, update: { points, expire } });
    }
    const [counted] = await db.$queryRaw<Counter[]>`
      INSERT INTO "RateLimit" ("key", "points", "expire") VALUES (${key}, ${points}, ${expire})
      ON CONFLICT ("key") DO UPDATE SET
        "points" = CASE WHEN "RateLimit"."expire" <= ${now} THEN excluded."points" ELSE "RateLimit"."points" + excluded."points" END,
        "expire" = CASE WHEN "RateLimit"."expire" <= ${now} THEN excluded."expire" ELSE "RateLimit"."expire" END
      RETURNING "points", "expire"`;
    if (!counted) throw new Error("the rate limit counter was not written");
    return counted;
  }
}

/**
 * Counters live in the database (the RateLimit table, through rate-limiter-flexible's Prisma store), so limits
 * hold across restarts and across every app instance sharing the database.
 */
const limiters = new Map<string, RateLimiterPrisma>();

function limiter(name: RateLimitName): RateLimiterPrisma {
  const { points, windowMinutes } = getConfig().rateLimits[name];
  // Keyed by the policy as well as the name, so a limiter always matches the configuration in force.
  const cacheKey = `${name}:${points}/${windowMinutes}`;
  let found = limiters.get(cacheKey);
  if (!found) {
    found = new SingleStatementRateLimiterPrisma({
      storeClient: getDb(),
      tableName: "rateLimit",
      keyPrefix: name,
      points,
      duration: windowMinutes * 60,
    });
    limiters.set(cacheKey, found);
  }
  return found;
}

/** Keys are hashed: the counters table never holds an email address or a client address. */
function storedKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("base64url");
}

/** The RateLimit row that counts `key` against the limit `name` (the library prefixes keys with the limit's name). */
export function counterRowKey(name: RateLimitName, key: string): string {
  return `${name}:${storedKey(key)}`;
}

/**
 * Counts one attempt against every listed limit (all of them, so a blocked attempt still counts everywhere) and
 * reports whether any limit is exceeded, with how long until the strictest one allows another attempt.
 */
export async function consumeRateLimits(checks: readonly (readonly [RateLimitName, string])[]): Promise<RateLimitOutcome> {
  const results = await Promise.allSettled(checks.map(([name, key]) => limiter(name).consume(storedKey(key))));
  let retryAfterMs = 0;
  for (const result of results) {
    if (result.status === "fulfilled") continue;
    // rate-limiter-flexible rejects with a RateLimiterRes when over the limit, and with an Error when the store fails.
    if (!(result.reason instanceof RateLimiterRes)) throw result.reason;
    retryAfterMs = Math.max(retryAfterMs, result.reason.msBeforeNext);
  }
  return retryAfterMs > 0 ? { limited: true, retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) } : { limited: false };
}

/** Forgets the attempts counted for a key, e.g. a sign-in limit once the right password has been given. */
export async function resetRateLimit(name: RateLimitName, key: string): Promise<void> {
  await limiter(name).delete(storedKey(key));
}
