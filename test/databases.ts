import { isPostgresUrl } from "../prisma/database-url.ts";

/**
 * The databases the unit suite uses: SQLite files by default, or, with TEST_DATABASE_URL=postgresql://…, a PostgreSQL
 * database of that name (and one beside it for the outbox tests). `npm test` runs the suite both ways.
 */
export const UNIT_DATABASE_URL = process.env.TEST_DATABASE_URL || "file:./.data/test/unit.db";

/** The outbox tests' own database: their workers deliver everything queued in it, so it is not shared. */
export const OUTBOX_TEST_DATABASE_URL = isPostgresUrl(UNIT_DATABASE_URL)
  ? withDatabaseName(UNIT_DATABASE_URL, `${new URL(UNIT_DATABASE_URL).pathname.slice(1)}_outbox`)
  : "file:./.data/test/outbox.db";

export function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}
