import * as argon2 from "@node-rs/argon2";
import { parseOptions } from "@node-rs/argon2";
import { describe, expect, it, vi } from "vitest";
import { checkedPassword, createCustomer, TEST_PASSWORD, uniqueEmail, uniqueOrigin } from "@/test/support";
import { getDb } from "../db";
import { authenticateCustomer, registerCustomer } from "./customer-accounts";
import { LOCKED_PASSWORD_HASH } from "./password-hash";

// argon2 is a library outside this project: wrapped, not replaced, so each test can count real verifications.
vi.mock("@node-rs/argon2", async (importOriginal) => {
  const real = await importOriginal<typeof import("@node-rs/argon2")>();
  return { ...real, verify: vi.fn(real.verify) };
});

describe("customer accounts", () => {
  it("stores an argon2id hash with OWASP's parameters, never the password", async () => {
    const customer = await createCustomer();
    const stored = await getDb().customer.findUniqueOrThrow({ where: { id: customer.id } });

    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    expect(stored.passwordHash).not.toContain(TEST_PASSWORD);
    expect(parseOptions(stored.passwordHash)).toMatchObject({ memoryCost: 19456, timeCost: 2, parallelism: 1 });
  });

  it("refuses a second account with the same email", async () => {
    const customer = await createCustomer();
    const again = await registerCustomer({ name: "Someone Else", email: customer.email, password: checkedPassword("another password") });
    expect(again).toEqual({ status: "email-taken" });
  });

  it("signs in only with the right password, and records both outcomes for the customer", async () => {
    const customer = await createCustomer();
    const origin = uniqueOrigin();
    expect(await authenticateCustomer({ email: customer.email, password: TEST_PASSWORD }, origin)).toEqual({
      status: "authenticated",
      customer: { id: customer.id, name: customer.name, email: customer.email },
    });
    expect(await authenticateCustomer({ email: customer.email, password: `${TEST_PASSWORD}!` }, origin)).toEqual({ status: "rejected" });
    expect(await authenticateCustomer({ email: uniqueEmail(), password: TEST_PASSWORD }, origin)).toEqual({ status: "rejected" });
    const events = await getDb().securityEvent.findMany({ where: { customerId: customer.id }, orderBy: { createdAt: "asc" } });
    expect(events.map((event) => [event.type, event.ip])).toEqual([
      ["sign_in_succeeded", origin.ip],
      ["sign_in_failed", origin.ip],
    ]);
  });

  it("allows 10 attempts per client address and email in 15 minutes; other clients are unaffected", async () => {
    const customer = await createCustomer();
    const attacker = uniqueOrigin();
    for (let i = 0; i < 10; i += 1) {
      expect((await authenticateCustomer({ email: customer.email, password: "wrong password" }, attacker)).status).toBe("rejected");
    }
    const blocked = await authenticateCustomer({ email: customer.email, password: TEST_PASSWORD }, attacker);
    expect(blocked).toMatchObject({ status: "rate-limited" });
    // The owner, elsewhere, isn't locked out by someone else's guessing.
    expect((await authenticateCustomer({ email: customer.email, password: TEST_PASSWORD }, uniqueOrigin())).status).toBe("authenticated");
  });

  it("applies the password policy at registration", async () => {
    const email = uniqueEmail("juniper");
    expect(await registerCustomer({ name: "Common", email, password: checkedPassword("iloveyou") })).toMatchObject({
      status: "password-rejected",
    });
    expect(await registerCustomer({ name: "Self", email, password: checkedPassword(email.split("@")[0] ?? "") })).toMatchObject({
      status: "password-rejected",
    });
  });

  it("does the same work to refuse a known, an unknown and a locked account: one verification, one write", async () => {
    // Issue 15, finding 2: a locked account's hash failed without running argon2, and only a real account's
    // failure was written while the client waited.
    const known = await createCustomer();
    const locked = await createCustomer();
    await getDb().customer.update({ where: { id: locked.id }, data: { passwordHash: LOCKED_PASSWORD_HASH } });
    const db = getDb();
    const work = async (email: string) => {
      vi.mocked(argon2.verify).mockClear();
      const writes = vi.spyOn(db, "$executeRaw");
      const creates = vi.spyOn(db.securityEvent, "create");
      try {
        expect(await authenticateCustomer({ email, password: "not the password" }, uniqueOrigin())).toEqual({ status: "rejected" });
        // A real verification is one against an argon2 hash: handing argon2 "!locked" fails at once.
        const verifications = vi.mocked(argon2.verify).mock.calls.filter(([hash]) => String(hash).startsWith("$argon2id$"));
        return { verifications: verifications.length, writes: writes.mock.calls.length, creates: creates.mock.calls.length };
      } finally {
        writes.mockRestore();
        creates.mockRestore();
      }
    };
    const expected = { verifications: 1, writes: 1, creates: 0 };
    expect(await work(known.email)).toEqual(expected);
    expect(await work(uniqueEmail("nobody"))).toEqual(expected);
    expect(await work(locked.email)).toEqual(expected);
    // The one write recorded the failures on the real accounts, and nothing for the stranger.
    const failures = await getDb().securityEvent.groupBy({ by: ["customerId"], where: { customerId: { in: [known.id, locked.id] }, type: "sign_in_failed" }, _count: true });
    expect(failures.map((row) => row._count)).toEqual([1, 1]);
  });

  it("allows 50 attempts per account in an hour from all clients together: spraying one account is capped", async () => {
    const customer = await createCustomer();
    for (let i = 0; i < 50; i += 1) {
      expect((await authenticateCustomer({ email: customer.email, password: `guess ${i}` }, uniqueOrigin())).status).toBe("rejected");
    }
    expect(await authenticateCustomer({ email: customer.email, password: TEST_PASSWORD }, uniqueOrigin())).toMatchObject({ status: "rate-limited" });
    // An unknown address is capped the same way, so the limit says nothing about who has an account.
    const stranger = uniqueEmail("nobody");
    for (let i = 0; i < 50; i += 1) await authenticateCustomer({ email: stranger, password: `guess ${i}` }, uniqueOrigin());
    expect(await authenticateCustomer({ email: stranger, password: "guess" }, uniqueOrigin())).toMatchObject({ status: "rate-limited" });
  });

  it("allows 50 attempts per client in 15 minutes, across any emails, IPv6 counted by its /64", async () => {
    const network = `2001:db8:${Math.floor(Math.random() * 0xffff).toString(16)}:${Math.floor(Math.random() * 0xffff).toString(16)}`;
    const client = (n: number) => ({ ip: `${network}::${(n + 1).toString(16)}`, userAgent: "test" });
    for (let i = 0; i < 50; i += 1) {
      expect((await authenticateCustomer({ email: uniqueEmail("sprayed"), password: "Summer2026!" }, client(i))).status).toBe("rejected");
    }
    const customer = await createCustomer();
    expect(await authenticateCustomer({ email: customer.email, password: TEST_PASSWORD }, client(50))).toMatchObject({ status: "rate-limited" });
    expect((await authenticateCustomer({ email: customer.email, password: TEST_PASSWORD }, uniqueOrigin())).status).toBe("authenticated");
  });
});
