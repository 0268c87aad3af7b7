import "server-only";
import { Prisma } from "@/prisma/generated/sqlite/client";
import type { Database } from "../db";

type Locker = Pick<Database, "$executeRaw">;

/**
 * Serialises everything that issues or revokes a customer's credentials, inside the caller's transaction. On
 * PostgreSQL (READ COMMITTED), revoking "every outstanding link" sees only committed links: a reset issued at the
 * same moment by another transaction would survive a completed reset, a password or email change, or a "This
 * wasn't me", and a reset addressed from an email read before an email change would go to the old address. Each of
 * those transactions therefore writes the customer's row before it touches any of the customer's links, and holds
 * that row lock to the commit: the next one waits, then sees what the first committed. (Always the customer first:
 * a transaction that locked a link first would deadlock against one revoking that customer's links.) A no-op UPDATE is the one statement that takes that lock on
 * PostgreSQL and SQLite alike (where BEGIN IMMEDIATE already serialises every writer).
 */
export function lockCustomer(tx: Locker, customerId: string) {
  return tx.$executeRaw`UPDATE "Customer" SET "name" = "name" WHERE "id" = ${customerId}`;
}

/**
 * The same lock on whichever customers hold these emails now, for the worker that turns reset requests into resets:
 * taken before it reads who they are, so an email change that commits first is seen, and one that starts later
 * waits for the reset to be issued to the address in force.
 */
export function lockCustomersByEmail(tx: Locker, emails: readonly string[]) {
  return tx.$executeRaw`UPDATE "Customer" SET "name" = "name" WHERE "email" IN (${Prisma.join(emails)})`;
}
