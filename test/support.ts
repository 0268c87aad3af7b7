import { randomUUID } from "node:crypto";
import { type NewPassword, newPasswordSchema, registerSchema } from "@/app/_lib/validation";
import { registerCustomer } from "@/app/_server/auth/customer-accounts";
import { getDb } from "@/app/_server/db";
import { type AppConfig, parseConfig } from "@/app/_server/env";
import type { RunAfterResponse } from "@/app/_server/recovery/request-password-reset";

/** An address no other test uses, so tests can share one database and run in any order. */
export function uniqueEmail(label = "shopper"): string {
  return `${label}-${randomUUID()}@example.com`;
}

export const TEST_PASSWORD = "correct horse battery staple";

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

/** Stands in for Next's `after()`: keeps the tasks so a test can check what ran on the response path and what didn't. */
export function deferredTasks() {
  const tasks: (() => Promise<void>)[] = [];
  const schedule: RunAfterResponse = (task) => void tasks.push(task);
  return {
    schedule,
    get count() {
      return tasks.length;
    },
    async runAll() {
      for (const task of tasks.splice(0)) await task();
    },
  };
}

/**
 * Runs the app with a different environment for one test: the same parse the server does at start, so the test
 * exercises real configuration rather than a hand-made object. Returns a function that restores the previous one.
 */
export function useEnvironment(env: Record<string, string>): () => void {
  const holder = globalThis as { __appConfig?: AppConfig };
  const previous = holder.__appConfig;
  holder.__appConfig = parseConfig({ NODE_ENV: "test", DATABASE_URL: process.env.DATABASE_URL, ...env });
  return () => {
    holder.__appConfig = previous;
  };
}

/** The newest message the dev mailbox transport stored for an address. */
export async function latestEmailTo(email: string) {
  return getDb().devMailboxMessage.findFirst({ where: { to: email }, orderBy: { createdAt: "desc" } });
}

/** The reset link in an email's plain-text part, as a shopper would find it. */
export function resetLinkIn(text: string): URL {
  const match = /https?:\/\/\S+\/reset-password\?\S+/.exec(text);
  if (!match) throw new Error("no reset link in the email");
  return new URL(match[0].replace(/[\])>.,]+$/, ""));
}
