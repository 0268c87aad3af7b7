import "server-only";
import { createDatabaseClient, type Database } from "@/prisma/client";
import { getConfig } from "./env";

export type { Database };

// One client per server process. Kept on globalThis so dev-mode module reloads don't open a new pool each time.
const holder = globalThis as typeof globalThis & { __database?: Database };

export function getDb(): Database {
  holder.__database ??= createDatabaseClient(getConfig().databaseUrl);
  return holder.__database;
}
