/**
 * Adds the demo shopper documented in the README, through the same core function the register page uses.
 * Idempotent: an existing demo account is left as it is (including a password changed through a reset).
 * Run with `npm run db:seed`, which lets the server-only core load outside Next (scripts/allow-server-only.mjs).
 */
import { registerSchema } from "@/app/_lib/validation";
import { registerCustomer } from "@/app/_server/auth/customer-accounts";
import { getDb } from "@/app/_server/db";

const DEMO_SHOPPER = { name: "Sam Shopper", email: "shopper@example.com", password: "juniper-demo-2026" };

const result = await registerCustomer(registerSchema.parse(DEMO_SHOPPER));
console.log(
  result.status === "registered"
    ? `Demo shopper created: ${DEMO_SHOPPER.email}`
    : `Demo shopper already exists: ${DEMO_SHOPPER.email}`,
);
await getDb().$disconnect();
