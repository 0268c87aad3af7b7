import { execFileSync } from "node:child_process";
import { copyFileSync, rmSync } from "node:fs";
import pg from "pg";
import { isPostgresUrl } from "../prisma/database-url";
import { OUTBOX_TEST_DATABASE_URL, UNIT_DATABASE_URL, withDatabaseName } from "./databases";
import { assertLocalDatabase } from "./local-database";

/**
 * Recreates the unit-test databases from the migrations before the run, so every run starts from the same schema:
 * the shared one, and the outbox tests' own (their workers deliver everything queued in their database, so they
 * must not share one with tests that expect their mail in the dev mailbox).
 */
export default async function setup() {
  for (const url of [UNIT_DATABASE_URL, OUTBOX_TEST_DATABASE_URL]) assertLocalDatabase(url);
  if (isPostgresUrl(UNIT_DATABASE_URL)) {
    for (const url of [UNIT_DATABASE_URL, OUTBOX_TEST_DATABASE_URL]) {
      await recreatePostgresDatabase(url);
      migrate("deploy", url);
    }
    return;
  }
  migrate("reset", UNIT_DATABASE_URL);
  const outboxFile = OUTBOX_TEST_DATABASE_URL.replace(/^file:/, "");
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${outboxFile}${suffix}`, { force: true });
  copyFileSync(UNIT_DATABASE_URL.replace(/^file:/, ""), outboxFile);
}

function migrate(command: "deploy" | "reset", databaseUrl: string) {
  execFileSync(process.execPath, ["scripts/prisma-migrate.mjs", command], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_MIGRATE_QUIET: "1" },
    stdio: "inherit",
  });
}

async function recreatePostgresDatabase(databaseUrl: string) {
  const name = new URL(databaseUrl).pathname.slice(1);
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unexpected test database name: ${name}`);
  const admin = new pg.Client({ connectionString: withDatabaseName(databaseUrl, "postgres") });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
}
