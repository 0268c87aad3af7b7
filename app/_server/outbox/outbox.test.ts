import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { startCaptureServer } from "@/test/capture-server";
import { OUTBOX_TEST_DATABASE_URL } from "@/test/databases";
import { useEnvironment } from "@/test/support";
import { createDatabaseClient } from "@/prisma/client";
import { log } from "../log";
import { enqueueEmail } from "./enqueue-email";
import { drainOutbox, OutboxWorker, retryDelayMs } from "./outbox-worker";

// Its own database (see test/databases.ts): these workers deliver everything queued in it.
const db = createDatabaseClient(OUTBOX_TEST_DATABASE_URL);
let capture: Awaited<ReturnType<typeof startCaptureServer>>;
const MINUTE = 60_000;

beforeAll(async () => {
  capture = await startCaptureServer();
  // Read by the Resend SDK when a client is created; every client in this file is created after this.
  process.env.RESEND_BASE_URL = capture.url;
});

afterAll(async () => {
  await db.$disconnect();
  await capture.stop();
});

let restoreEnvironment: (() => void) | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
  restoreEnvironment?.();
  restoreEnvironment = undefined;
  await capture.setFault("none");
});

/** Sends through the real Resend SDK to the capture server, with short timeouts and retries so tests stay quick. */
function sendThroughResend(settings: Record<string, string> = {}) {
  restoreEnvironment = useEnvironment({
    RESEND_API_KEY: `re_test_${randomUUID()}`,
    EMAIL_FROM: "Juniper Goods <no-reply@shop.example.com>",
    EMAIL_SEND_TIMEOUT_MS: "300",
    // Retries wait 30-60 s, then 60-120 s, …: tests move the worker's clock forward instead of waiting.
    OUTBOX_RETRY_BASE_MS: "60000",
    ...settings,
  });
}

const SECRET_TOKEN = "tok_must_never_be_stored_in_clear";

async function queueResetEmail(to = `${randomUUID()}@example.com`) {
  const { id } = await enqueueEmail(db, {
    to,
    template: "password-reset",
    props: {
      locale: "en",
      storeName: "Juniper Goods",
      customerName: "Alex",
      email: to,
      resetUrl: `https://shop.example.com/reset-password?token=${SECRET_TOKEN}&email=${encodeURIComponent(to)}`,
      expiresIn: "30 minutes",
      code: "7KQ4-XM2P",
      codeUrl: "https://shop.example.com/reset-password/code",
      codeExpiresIn: "10 minutes",
    },
  });
  return { to, id };
}

async function outboxRowsFor(ids: string[]) {
  return db.outboxEmail.findMany({ where: { id: { in: ids } } });
}

const later = (minutes: number) => new Date(Date.now() + minutes * MINUTE);

describe("the outbox", () => {
  it("keeps queued mail sealed, and erases it once it is sent", async () => {
    const { to, id } = await queueResetEmail();
    const [queued] = await outboxRowsFor([id]);
    expect(queued).toMatchObject({ template: "password-reset", status: "pending", attempts: 0 });
    expect(queued?.payload).not.toContain(SECRET_TOKEN);
    expect(queued?.payload).not.toContain(to);
    expect(queued?.payload).not.toContain("7KQ4");

    await drainOutbox(new OutboxWorker(db));

    const [sent] = await outboxRowsFor([id]);
    expect(sent).toMatchObject({ status: "sent", payload: "", attempts: 1, claimedBy: null });
    const delivered = await db.devMailboxMessage.findMany({ where: { to } });
    expect(delivered).toHaveLength(1);
    expect(delivered[0]?.text).toContain(SECRET_TOKEN);
  });

  it("delivers each message exactly once when several workers drain it at the same time", async () => {
    const addresses: string[] = [];
    for (let i = 0; i < 30; i++) addresses.push((await queueResetEmail()).to);

    await Promise.all([1, 2, 3].map(() => drainOutbox(new OutboxWorker(db))));

    for (const to of addresses) expect(await db.devMailboxMessage.count({ where: { to } })).toBe(1);
    expect(await db.outboxEmail.count({ where: { status: { not: "sent" } } })).toBe(0);
    expect(await db.outboxEmail.count({ where: { attempts: { not: 1 } } })).toBe(0);
  });

  it("retries through a provider outage with growing delays, logging no secret, and each message then arrives once", async () => {
    sendThroughResend();
    await capture.setFault("error");
    const { to, id } = await queueResetEmail();
    const worker = new OutboxWorker(db);
    const warnings = vi.spyOn(log, "warn");

    await worker.deliverDue();
    // The failure is logged, without the link, its token, the code or the address.
    const logged = JSON.stringify(warnings.mock.calls);
    expect(logged).toContain("email.retry_scheduled");
    for (const secret of [SECRET_TOKEN, "reset-password", "7KQ4", to]) expect(logged).not.toContain(secret);
    const [afterFirst] = await outboxRowsFor([id]);
    expect(afterFirst).toMatchObject({ status: "pending", attempts: 1, claimedBy: null });
    expect(afterFirst?.lastError).toContain("HTTP 500");
    expect(afterFirst?.lastError).not.toContain(SECRET_TOKEN);
    // Not retried before its time.
    expect(afterFirst!.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
    expect(await worker.deliverDue()).toBe(0);

    await worker.deliverDue(later(1));
    const [afterSecond] = await outboxRowsFor([id]);
    expect(afterSecond).toMatchObject({ status: "pending", attempts: 2 });

    await capture.setFault("none");
    await worker.deliverDue(later(10));
    const [sent] = await outboxRowsFor([id]);
    expect(sent).toMatchObject({ status: "sent", attempts: 3, payload: "" });
    expect(await capture.messagesTo(to)).toHaveLength(1);
  });

  it("does not send twice when the provider accepted a message but its reply was lost", async () => {
    sendThroughResend();
    await capture.setFault("timeout");
    const { to, id } = await queueResetEmail();
    const worker = new OutboxWorker(db);
    const before = await capture.stats();

    await worker.deliverDue();
    expect((await outboxRowsFor([id]))[0]).toMatchObject({ status: "pending", attempts: 1 });

    await capture.setFault("none");
    await worker.deliverDue(later(1));
    expect((await outboxRowsFor([id]))[0]).toMatchObject({ status: "sent", attempts: 2 });
    // The retry carried the same Idempotency-Key, so the provider answered from its record.
    expect(await capture.messagesTo(to)).toHaveLength(1);
    expect((await capture.stats()).duplicates).toBe(before.duplicates + 1);
  });

  it("gives up after the last attempt, marks the message failed and erases its content", async () => {
    sendThroughResend({ OUTBOX_MAX_ATTEMPTS: "2" });
    await capture.setFault("error");
    const { to, id } = await queueResetEmail();
    const worker = new OutboxWorker(db);

    await worker.deliverDue();
    await worker.deliverDue(later(1));
    expect(await worker.deliverDue(later(60))).toBe(0);

    expect((await outboxRowsFor([id]))[0]).toMatchObject({ status: "failed", attempts: 2, payload: "" });
    expect(await capture.messagesTo(to)).toHaveLength(0);
  });

  it("fails at once a message the provider rejects as invalid, since sending it again can't help", async () => {
    sendThroughResend();
    const { id } = await queueResetEmail("not-an-address");

    await new OutboxWorker(db).deliverDue();

    const [row] = await outboxRowsFor([id]);
    expect(row).toMatchObject({ status: "failed", attempts: 1, payload: "" });
    expect(row?.lastError).toContain("HTTP 422");
  });

  it("hands a message held by a worker that died to another one when its lease runs out", async () => {
    const { to, id } = await queueResetEmail();
    await db.outboxEmail.update({
      where: { id },
      data: { status: "sending", attempts: 1, claimedBy: "a-worker-that-died", leaseExpiresAt: later(1) },
    });
    const worker = new OutboxWorker(db);

    expect(await worker.deliverDue()).toBe(0);
    expect(await db.devMailboxMessage.count({ where: { to } })).toBe(0);

    expect(await worker.deliverDue(later(2))).toBe(1);
    expect((await outboxRowsFor([id]))[0]).toMatchObject({ status: "sent", attempts: 2 });
    expect(await db.devMailboxMessage.count({ where: { to } })).toBe(1);
  });

  it("keeps a message it cannot open (sealed under an unknown secret) queued, saying why, never sending it garbled", async () => {
    // Issue 15, finding 9: it used to be failed for good, and the customer's email lost with it.
    const to = `${randomUUID()}@example.com`;
    const { id } = await queueResetEmail(to); // sealed under the test run's AUTH_SECRET…
    // …and read by a process that doesn't know it.
    restoreEnvironment = useEnvironment({ AUTH_SECRET: "a-secret-that-sealed-nothing-here-0123456789" });
    const errors = vi.spyOn(log, "error");

    await new OutboxWorker(db).deliverDue();

    const [row] = await outboxRowsFor([id]);
    expect(row).toMatchObject({ status: "pending", attempts: 0 });
    expect(row?.payload).not.toBe("");
    expect(row?.lastError).toContain("AUTH_SECRET_PREVIOUS");
    expect(errors).toHaveBeenCalledWith(expect.objectContaining({ event: "email.unreadable", outboxId: id }), expect.stringContaining("AUTH_SECRET_PREVIOUS"));
    expect(await db.devMailboxMessage.count({ where: { to } })).toBe(0);
  });

  it("sends mail queued before AUTH_SECRET was rotated, once the old secret is in AUTH_SECRET_PREVIOUS", async () => {
    const oldSecret = process.env.AUTH_SECRET as string;
    const to = `${randomUUID()}@example.com`;
    const { id } = await queueResetEmail(to); // sealed under the old secret
    restoreEnvironment = useEnvironment({ AUTH_SECRET: "the-new-secret-after-rotation-0123456789", AUTH_SECRET_PREVIOUS: oldSecret });

    await new OutboxWorker(db).deliverDue();

    expect((await outboxRowsFor([id]))[0]).toMatchObject({ status: "sent" });
    expect(await db.devMailboxMessage.count({ where: { to } })).toBe(1);
  });

  it("on stop, finishes the send in progress and hands back what it had claimed but not started", async () => {
    sendThroughResend({ EMAIL_SEND_TIMEOUT_MS: "1000" });
    await capture.setFault("timeout");
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) ids.push((await queueResetEmail()).id);
    const worker = new OutboxWorker(db);

    const pass = worker.deliverDue();
    // Eight sends are in progress (held by the provider) when the stop comes; four claimed ones are still waiting.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await worker.stop();
    await pass;

    const rows = await outboxRowsFor(ids);
    expect(rows.filter((row) => row.status !== "pending")).toHaveLength(0);
    // The eight that were sent timed out and wait for a retry (attempt 1); the four never started were not charged.
    expect(rows.filter((row) => row.attempts === 1)).toHaveLength(8);
    expect(rows.filter((row) => row.attempts === 0 && row.claimedBy === null)).toHaveLength(4);
  });
});

describe("retry delays", () => {
  it("grow exponentially with jitter, between half and all of base × 2^(n-1), up to the cap", () => {
    for (let attempt = 1; attempt <= 12; attempt++) {
      const ceiling = Math.min(5 * MINUTE, 1000 * 2 ** (attempt - 1));
      for (let sample = 0; sample < 50; sample++) {
        const delay = retryDelayMs(attempt, 1000, 5 * MINUTE);
        expect(delay).toBeGreaterThanOrEqual(ceiling / 2);
        expect(delay).toBeLessThanOrEqual(ceiling);
      }
    }
  });
});
