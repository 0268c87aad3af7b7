import { execFileSync } from "node:child_process";
import { copyFileSync, rmSync } from "node:fs";
import { assertLocalDatabase } from "./local-database";

export const OUTBOX_TEST_DATABASE_FILE = ".data/test/outbox.db";

/**
 * Recreates the unit-test database from the migrations before the run, so every run starts from the same schema,
 * and copies it (still empty) for the outbox tests, whose workers deliver everything queued in their database and
 * so must not share one with tests that expect their mail in the dev mailbox.
 */
export default function setup() {
  const databaseUrl = "file:./.data/test/unit.db";
  assertLocalDatabase(databaseUrl);
  execFileSync(process.execPath, ["scripts/prisma-migrate.mjs", "reset"], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_MIGRATE_QUIET: "1" },
    stdio: "inherit",
  });
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${OUTBOX_TEST_DATABASE_FILE}${suffix}`, { force: true });
  copyFileSync(".data/test/unit.db", OUTBOX_TEST_DATABASE_FILE);
}
