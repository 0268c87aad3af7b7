import { describe, expect, it } from "vitest";
import { uniqueEmail } from "@/test/support";
import { getDb } from "./db";
import { consumeRateLimits, counterRowKey, countAttempt, countAttemptWhen, withinLimits } from "./rate-limit";

// RESET_REQUEST_PER_ADDRESS_AND_EMAIL allows 3 attempts in 15 minutes by default.
const LIMIT = "RESET_REQUEST_PER_ADDRESS_AND_EMAIL" as const;
const attempt = (email: string) => consumeRateLimits([[LIMIT, email]]);

async function counter(email: string) {
  return getDb().rateLimit.findUniqueOrThrow({ where: { key: counterRowKey(LIMIT, email) } });
}

/** Moves a counter's window into the past, as if 15 minutes had gone by. */
async function expireWindow(email: string) {
  await getDb().rateLimit.update({ where: { key: counterRowKey(LIMIT, email) }, data: { expire: new Date(Date.now() - 1_000) } });
}

describe("rate limit counters", () => {
  it("counts every attempt in one window and refuses the fourth, with the time left", async () => {
    const email = uniqueEmail("counted");
    for (let i = 0; i < 3; i += 1) expect(await attempt(email)).toEqual({ limited: false });
    const refused = await attempt(email);
    expect(refused.limited).toBe(true);
    if (refused.limited) expect(refused.retryAfterSeconds).toBeGreaterThan(14 * 60);
    expect((await counter(email)).points).toBe(4);
  });

  it("starts a fresh window, holding just the new attempt, once the old one has run out", async () => {
    const email = uniqueEmail("expired");
    for (let i = 0; i < 4; i += 1) await attempt(email);
    await expireWindow(email);

    expect(await attempt(email)).toEqual({ limited: false });
    const fresh = await counter(email);
    expect(fresh.points).toBe(1);
    expect(fresh.expire?.getTime()).toBeGreaterThan(Date.now() + 14 * 60_000);
  });

  it("counts every one of many attempts racing past an expired window, and lets exactly the limit through", async () => {
    const email = uniqueEmail("racing");
    for (let i = 0; i < 4; i += 1) await attempt(email);
    await expireWindow(email);

    const outcomes = await Promise.all(Array.from({ length: 10 }, () => attempt(email)));
    expect(outcomes.filter((outcome) => !outcome.limited)).toHaveLength(3);
    const after = await counter(email);
    expect(after.points).toBe(10);
    expect(after.expire?.getTime()).toBeGreaterThan(Date.now());
  });

  it("counts every limit of an attempt in one statement, and a later statement can depend on all being within", async () => {
    const email = uniqueEmail("both");
    const client = `203.0.113.${Math.floor(Math.random() * 250) + 1}-${email}`;
    const limits = [[LIMIT, email], ["RESET_REQUEST_PER_ADDRESS", client]] as const;
    const allowed = async () => {
      const [, rows] = await getDb().$transaction([countAttempt(limits), getDb().$queryRaw<{ allowed: number }[]>`SELECT 1 AS "allowed" WHERE ${withinLimits(limits)}`]);
      return rows.length === 1;
    };
    expect([await allowed(), await allowed(), await allowed(), await allowed()]).toEqual([true, true, true, false]);
    expect((await counter(email)).points).toBe(4);
    const perClient = await getDb().rateLimit.findUniqueOrThrow({ where: { key: counterRowKey("RESET_REQUEST_PER_ADDRESS", client) } });
    expect(perClient.points).toBe(4);
  });

  it("counts a conditional attempt only while its condition holds", async () => {
    const email = uniqueEmail("gated");
    const gate = uniqueEmail("gate");
    const gateLimits = [[LIMIT, gate]] as const;
    const gatedAttempt = () =>
      getDb().$transaction([countAttempt(gateLimits), countAttemptWhen(["RESET_REQUEST_PER_EMAIL", email], withinLimits(gateLimits))]);
    for (let i = 0; i < 5; i += 1) await gatedAttempt();
    // The gate allows 3: the 4th and 5th didn't count.
    const gated = await getDb().rateLimit.findUniqueOrThrow({ where: { key: counterRowKey("RESET_REQUEST_PER_EMAIL", email) } });
    expect(gated.points).toBe(3);
    expect((await counter(gate)).points).toBe(5);
  });
});
