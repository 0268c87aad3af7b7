import { parseOptions } from "@node-rs/argon2";
import { describe, expect, it } from "vitest";
import { checkedPassword, createCustomer, TEST_PASSWORD, uniqueEmail } from "@/test/support";
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

  it("signs in only with the right password", async () => {
    const customer = await createCustomer();
    expect(await authenticateCustomer({ email: customer.email, password: TEST_PASSWORD })).toEqual({
      id: customer.id,
      name: customer.name,
      email: customer.email,
    });
    expect(await authenticateCustomer({ email: customer.email, password: `${TEST_PASSWORD}!` })).toBeNull();
    expect(await authenticateCustomer({ email: uniqueEmail(), password: TEST_PASSWORD })).toBeNull();
  });
});
