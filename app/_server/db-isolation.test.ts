import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { isPostgresUrl } from "@/prisma/database-url";
import { UNIT_DATABASE_URL } from "@/test/databases";
import { getDb } from "./db";

/**
 * Issue 15, finding 7. On SQLite every query of a process shares one connection; these interleave two "requests" on
 * it, and a second writer outside it, as a busy server does. (PostgreSQL gives each its own pooled connection.)
 */
const onSqlite = !isPostgresUrl(UNIT_DATABASE_URL);

function message(to: string) {
  return { to, from: "isolation@test", subject: "isolation", html: "", text: "" };
}

/** An interactive transaction that writes, then waits for `gate` and fails, so it is rolled back. */
function transactionRolledBackAfter(gate: Promise<void>, to: string) {
  return getDb()
    .$transaction(async (tx) => {
      await tx.devMailboxMessage.create({ data: message(to) });
      await gate;
      throw new Error("rolled back on purpose");
    })
    .catch((error: unknown) => error);
}

/** Prisma's queries run only once something awaits them: this one now, as a request handler's would. */
const started = <T>(query: PromiseLike<T>): Promise<T> => Promise.resolve(query);

/** Lets the transaction above reach its gate: a few turns of the event loop. */
const reachGate = () => new Promise((resolve) => setTimeout(resolve, 50));

describe.runIf(onSqlite)("SQLite access from concurrent requests", () => {
  it("keeps another request's write out of an open transaction, so its rollback doesn't take it along", async () => {
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const rolledBack = transactionRolledBackAfter(gate, `tx-${randomUUID()}@test`);
    await reachGate();
    const bystander = `plain-${randomUUID()}@test`;
    const plainWrite = started(getDb().devMailboxMessage.create({ data: message(bystander) }));
    await reachGate();
    open();
    expect(await rolledBack).toBeInstanceOf(Error);
    await plainWrite;
    expect(await getDb().devMailboxMessage.count({ where: { to: bystander } })).toBe(1);
  });

  it("never shows another request a transaction's uncommitted writes", async () => {
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const uncommitted = `tx-${randomUUID()}@test`;
    const rolledBack = transactionRolledBackAfter(gate, uncommitted);
    await reachGate();
    const seen = started(getDb().devMailboxMessage.count({ where: { to: uncommitted } }));
    await reachGate();
    open();
    await rolledBack;
    expect(await seen).toBe(0);
  });

  it("starts a transaction that reads first with the write lock, so another process writing meanwhile waits", async () => {
    // Another process on the same file, as the external worker or a second server process is: its own connection,
    // with a short busy timeout so this test needn't wait long.
    const otherProcess = new Database(UNIT_DATABASE_URL.replace(/^file:/, ""), { timeout: 100 });
    try {
      let open!: () => void;
      const gate = new Promise<void>((resolve) => (open = resolve));
      const to = `reader-${randomUUID()}@test`;
      const readThenWrite = getDb().$transaction(async (tx) => {
        await tx.devMailboxMessage.count({ where: { to } });
        await gate;
        await tx.devMailboxMessage.create({ data: message(to) });
      });
      await reachGate();
      // With a deferred BEGIN this write went through, and the transaction then failed with SQLITE_BUSY_SNAPSHOT.
      const otherWrite = () =>
        otherProcess.prepare(`INSERT INTO "RateLimit" ("key", "points", "expire") VALUES (?, 1, NULL)`).run(`isolation:${randomUUID()}`);
      expect(otherWrite).toThrow(/busy|locked/i);
      open();
      await expect(readThenWrite).resolves.toBeUndefined();
      expect(await getDb().devMailboxMessage.count({ where: { to } })).toBe(1);
      expect(otherWrite).not.toThrow(); // and once it has committed, the other process writes as usual
    } finally {
      otherProcess.close();
    }
  });
});
