import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createCustomer, uniqueOrigin, useEnvironment } from "@/test/support";
import { recentSecurityEvents } from "../audit";
import { getDb } from "../db";
import { counterRowKey } from "../rate-limit";
import { sweepExpiredRecords } from "./retention-sweep";

const DAY = 24 * 60 * 60 * 1000;
const ago = (days: number) => new Date(Date.now() - days * DAY);

async function event(customerId: string, type: string, createdAt: Date) {
  const origin = uniqueOrigin();
  return getDb().securityEvent.create({ data: { customerId, type, ip: origin.ip, userAgent: origin.userAgent, createdAt } });
}

describe("the retention sweep (issue 15, finding 10)", () => {
  it("deletes what has outlived its period and keeps the rest", async () => {
    const restore = useEnvironment({ SECURITY_EVENT_RETENTION_DAYS: "90", FAILED_SIGN_IN_RETENTION_DAYS: "7", OUTBOX_RETENTION_DAYS: "3" });
    try {
      const db = getDb();
      const customer = await createCustomer();
      const oldEvent = await event(customer.id, "password_changed", ago(91));
      const keptEvent = await event(customer.id, "password_changed", ago(89));
      const oldFailure = await event(customer.id, "sign_in_failed", ago(8));
      const keptFailure = await event(customer.id, "sign_in_failed", ago(6));
      const outbox = async (status: string, days: number) =>
        db.outboxEmail.create({ data: { template: "password-reset", payload: "", status, createdAt: ago(days) } });
      const [oldSent, oldFailed, keptSent, oldPending] = [await outbox("sent", 4), await outbox("failed", 4), await outbox("sent", 2), await outbox("pending", 30)];
      const token = async (expiredDaysAgo: number) =>
        db.passwordResetToken.create({ data: { tokenHash: randomUUID(), customerId: customer.id, expiresAt: ago(expiredDaysAgo) } });
      const [deadToken, recentlyDeadToken] = [await token(2), await token(0.5)];
      const deadAlert = await db.accountAlert.create({ data: { tokenHash: randomUUID(), customerId: customer.id, kind: "password_changed", expiresAt: ago(2) } });
      const staleKey = counterRowKey("SIGN_IN_PER_EMAIL", randomUUID());
      const liveKey = counterRowKey("SIGN_IN_PER_EMAIL", randomUUID());
      await db.rateLimit.createMany({ data: [{ key: staleKey, points: 3, expire: ago(0.01) }, { key: liveKey, points: 3, expire: new Date(Date.now() + 60_000) }] });

      await sweepExpiredRecords();

      const ids = async <T extends { id: string }>(rows: Promise<T[]>) => (await rows).map((row) => row.id);
      const events = await ids(db.securityEvent.findMany({ where: { customerId: customer.id } }));
      expect(events).toEqual(expect.arrayContaining([keptEvent.id, keptFailure.id]));
      expect(events).not.toContain(oldEvent.id);
      expect(events).not.toContain(oldFailure.id);
      const mail = await ids(db.outboxEmail.findMany({ where: { id: { in: [oldSent.id, oldFailed.id, keptSent.id, oldPending.id] } } }));
      // Unsent mail is never swept, however old.
      expect(mail.sort()).toEqual([keptSent.id, oldPending.id].sort());
      expect(await ids(db.passwordResetToken.findMany({ where: { id: { in: [deadToken.id, recentlyDeadToken.id] } } }))).toEqual([recentlyDeadToken.id]);
      expect(await db.accountAlert.count({ where: { id: deadAlert.id } })).toBe(0);
      expect(await db.rateLimit.count({ where: { key: staleKey } })).toBe(0);
      expect(await db.rateLimit.count({ where: { key: liveKey } })).toBe(1);
      // The unsendable rows this test made would otherwise sit in every other test's outbox.
      await db.outboxEmail.deleteMany({ where: { id: { in: [keptSent.id, oldPending.id] } } });
    } finally {
      restore();
    }
  });
});

describe("the activity list", () => {
  it("keeps an account change in view under a flood of failed sign-ins, which show as one line with a count", async () => {
    const customer = await createCustomer();
    await event(customer.id, "sign_in_succeeded", ago(2));
    await event(customer.id, "email_changed", ago(1));
    const start = Date.now() - 60 * 60_000;
    await getDb().securityEvent.createMany({
      data: Array.from({ length: 250 }, (_, n) => ({ customerId: customer.id, type: "sign_in_failed", ip: "203.0.113.9", userAgent: "script", createdAt: new Date(start + n * 1000) })),
    });
    await event(customer.id, "sign_in_succeeded", new Date());

    const lines = await recentSecurityEvents(customer.id);
    expect(lines.map((line) => [line.type, line.count, line.countIsAtLeast])).toEqual([
      ["sign_in_succeeded", 1, false],
      ["sign_in_failed", 199, true],
      ["email_changed", 1, false],
    ]);
  });

  it("collapses only repeats in a row, and shows up to ten lines", async () => {
    const customer = await createCustomer();
    const types = ["sign_in_failed", "sign_in_failed", "sign_in_succeeded", "sign_in_failed", "password_reset_requested", "password_reset_requested"];
    for (const [n, type] of types.entries()) await event(customer.id, type, new Date(Date.now() - (types.length - n) * 1000));
    const lines = await recentSecurityEvents(customer.id);
    expect(lines.map((line) => [line.type, line.count])).toEqual([
      ["password_reset_requested", 2],
      ["sign_in_failed", 1],
      ["sign_in_succeeded", 1],
      ["sign_in_failed", 2],
    ]);
    expect(lines[0]?.firstAt.getTime()).toBeLessThan(lines[0]?.createdAt.getTime() ?? 0);
  });
});
