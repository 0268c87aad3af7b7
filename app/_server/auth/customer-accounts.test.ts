import { parseOptions } from "@node-rs/argon2";
import { describe, expect, it } from "vitest";
import { checkedPassword, createCustomer, TEST_PASSWORD, uniqueEmail, uniqueOrigin } from "@/test/support";
import { getDb } from "../db";
import { authenticateCustomer, registerCustomer } from "./customer-accounts";

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
      customer: { id: customer.id, name: customer.name, email: customer.email, sessionVersion: 0 },
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
});
