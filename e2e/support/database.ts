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

/** Customers written straight into a store's database, for tests about the store rather than registration. */
export async function seedCustomers(databaseUrl: string, emails: string[], password: string): Promise<void> {
  const passwordHash = await hash(password);
  await database(databaseUrl).customer.createMany({ data: emails.map((email, i) => ({ email, name: `Customer ${i}`, passwordHash })) });
}
