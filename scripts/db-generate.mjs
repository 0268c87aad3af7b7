#!/usr/bin/env node
// Generates both Prisma clients (SQLite and PostgreSQL) from the one source schema. Runs on `npm install`.
// Offline-safe: `prisma generate` needs no schema engine (prisma.config.ts points it at a stub).
import { spawnSync } from "node:child_process";

const env = { ...process.env, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" };
const steps = [
  [process.execPath, ["scripts/gen-pg-schema.mjs"], {}],
  [process.execPath, ["node_modules/prisma/build/index.js", "generate"], { DB_PROVIDER: "sqlite" }],
  [process.execPath, ["node_modules/prisma/build/index.js", "generate"], { DB_PROVIDER: "postgresql" }],
];
for (const [command, args, extraEnv] of steps) {
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...env, ...extraEnv } });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
