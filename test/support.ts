import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { type NewPassword, newPasswordSchema, registerSchema, resetCodeEntrySchema } from "@/app/_lib/validation";
import { registerCustomer } from "@/app/_server/auth/customer-accounts";
import { getDb } from "@/app/_server/db";
import type { RequestOrigin } from "@/app/_server/client-address";
import { type AppConfig, parseConfig } from "@/app/_server/env";
import { drainBackgroundWork } from "@/app/_server/background/run-worker";

export { emailChangeLinkIn, notMeLinkIn, resetCodeIn, resetLinkIn, signUpLinkIn, verificationCodeIn } from "./email-links";

/**
 * A client no other test is, so per-address rate limits never span tests: one of 16 million private addresses
 * (10.0.0.0/8). Some tests use up a client's limits; with the 62,500 addresses this used to pick from, a later test
 * drew one of those now and then, and its request was quietly refused.
 */
export function uniqueOrigin(): RequestOrigin {
  const byte = () => Math.floor(Math.random() * 256);
  return { ip: `10.${byte()}.${byte()}.${byte() % 254 + 1}`, userAgent: "Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0 Safari/537.36" };
}

/** An address no other test uses, so tests can share one database and run in any order. */
export function uniqueEmail(label = "shopper"): string {
  return `${label}-${randomUUID()}@example.com`;
}

export const TEST_PASSWORD = "correct horse battery staple";

/** A reset code entry as the code form passes it to the core: through the shared schema. */
export function codeEntry(email: string, code: string) {
  return resetCodeEntrySchema.parse({ email, code });
}

/** A new password that has been through the shared policy, as the core requires. */
export function checkedPassword(password: string): NewPassword {
  return newPasswordSchema.parse(password);
}

export async function createCustomer(overrides: { name?: string; email?: string; password?: string } = {}) {
  const input = registerSchema.parse({ name: "Test Shopper", email: uniqueEmail(), password: TEST_PASSWORD, ...overrides });
  const result = await registerCustomer(input);
  if (result.status !== "registered") throw new Error(`could not create test customer: ${result.status}`);
  return { ...result.customer, password: input.password };
}

/**
 * Runs the app with a different environment for one test: the same parse the server does at start, so the test
 * exercises real configuration rather than a hand-made object. Returns a function that restores the previous one.
 */
export function useEnvironment(env: Record<string, string>): () => void {
  const holder = globalThis as { __appConfig?: AppConfig };
  const previous = holder.__appConfig;
  // On top of the test run's own environment, so settings not overridden (AUTH_SECRET above all) stay the same.
  holder.__appConfig = parseConfig({ ...process.env, ...env });
  return () => {
    holder.__appConfig = previous;
  };
}

/**
 * Does what the app's background worker would: turns accepted reset requests into resets and delivers every queued
 * email that is due. It waits (bounded) for work another test file's drain is doing at this moment, so what was
 * asked for has reached the mailbox.
 */
export async function deliverQueuedEmails(): Promise<void> {
  for (let round = 0; round < 100; round++) {
    await drainBackgroundWork();
    const now = new Date();
    const inFlight =
      (await getDb().outboxEmail.count({
        where: {
          OR: [
            { status: "pending", nextAttemptAt: { lte: now } },
            { status: "sending", leaseExpiresAt: { gt: now } },
          ],
        },
      })) + (await getDb().resetRequest.count({ where: { OR: [{ claimedBy: null }, { leaseExpiresAt: { gt: now } }] } }));
    if (inFlight === 0) return;
    await sleep(20);
  }
  throw new Error("reset requests and emails were still being processed after 100 rounds");
}

/** The newest message the dev mailbox transport stored for an address, once queued mail has been delivered. */
export async function latestEmailTo(email: string) {
  await deliverQueuedEmails();
  return getDb().devMailboxMessage.findFirst({ where: { to: email }, orderBy: { createdAt: "desc" } });
}
