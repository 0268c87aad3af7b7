import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as PostgresClient } from "./generated/postgresql/client";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client";
import { isPostgresUrl } from "./database-url";
import { serialisedSqlite } from "./serialised-sqlite";

/**
 * One typed client for both databases. The PostgreSQL client is generated from a schema derived from the SQLite one,
 * so its API is the same; it is typed as the SQLite client, whose features are the subset both share.
 * Used by the app (through app/_server/db.ts), the seed script and the test harness.
 */
export type Database = SqliteClient;

const SQLITE_BUSY_TIMEOUT_MS = 5_000;

export function createDatabaseClient(url: string): Database {
  if (isPostgresUrl(url)) {
    return new PostgresClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as Database;
  }
  // WAL mode is set on the database file by scripts/prisma-migrate.mjs; the busy timeout is per connection.
  // serialisedSqlite: one lock for the connection, and BEGIN IMMEDIATE (see there).
  return new SqliteClient({ adapter: serialisedSqlite(new PrismaBetterSqlite3({ url, timeout: SQLITE_BUSY_TIMEOUT_MS })) });
}
