import { execFileSync } from "node:child_process";
import { assertLocalDatabase } from "./local-database";

/** Recreates the unit-test database from the migrations before the run, so every run starts from the same schema. */
export default function setup() {
  const databaseUrl = "file:./.data/test/unit.db";
  assertLocalDatabase(databaseUrl);
  execFileSync(process.execPath, ["scripts/prisma-migrate.mjs", "reset"], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_MIGRATE_QUIET: "1" },
    stdio: "inherit",
  });
}
