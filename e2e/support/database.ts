import { createHash } from "node:crypto";
import { hash } from "@node-rs/argon2";
import { createDatabaseClient, type Database } from "../../prisma/client";

/**
 * Direct access to a test server's database, for what a shopper can't do from the browser: removing the accounts
 * a test created, and moving a link's expiry into the past instead of waiting for it.
 */
const clients = new Map<string, Database>();

export function database(databaseUrl: string): Database {
  let client = clients.get(databaseUrl);
  if (!client) {
    client = createDatabaseClient(databaseUrl);
    clients.set(databaseUrl, client);
  }
  return client;
}

export async function deleteAccounts(databaseUrl: string, emails: string[]): Promise<void> {
  if (emails.length === 0) return;
  await database(databaseUrl).customer.deleteMany({ where: { email: { in: emails } } });
}

/** Makes every reset link of the account expire a minute ago, as if the shopper had waited too long. */
export async function expireResetLinks(databaseUrl: string, email: string): Promise<number> {
  const { count } = await database(databaseUrl).passwordResetToken.updateMany({
    where: { customer: { email } },
    data: { expiresAt: new Date(Date.now() - 60_000) },
  });
  return count;
}

const hashes = new Map<string, Promise<string>>();

/**
 * Customers written straight into a store's database, for tests about the store rather than registration: verified,
 * as a finished sign-up makes them, unless `verified: false` (an account from before sign-up proved addresses). The
 * hash is argon2id, as the store makes them (a store verifies any parameters its PHC string names).
 */
export async function seedCustomers(
  databaseUrl: string,
  emails: string[],
  password: string,
  name?: string,
  { verified = true }: { verified?: boolean } = {},
): Promise<void> {
  if (!hashes.has(password)) hashes.set(password, hash(password));
  const passwordHash = await hashes.get(password);
  const emailVerifiedAt = verified ? new Date() : null;
  await database(databaseUrl).customer.createMany({
    data: emails.map((email, i) => ({ email, name: name ?? `Customer ${i}`, passwordHash: passwordHash as string, emailVerifiedAt })),
  });
}

/**
 * How many attempts a store has counted against one of its rate limits for a key (0 if none). The row key is
 * `counterRowKey` in app/_server/rate-limit.ts: the limit's name and the key's SHA-256; if that changes, this finds
 * no row and the test that asked fails.
 */
export async function countedAttempts(databaseUrl: string, limit: string, key: string): Promise<number> {
  const row = await database(databaseUrl).rateLimit.findUnique({
    where: { key: `${limit}:${createHash("sha256").update(key, "utf8").digest("base64url")}` },
  });
  return row?.points ?? 0;
}
