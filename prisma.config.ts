import path from "node:path";
import { defineConfig } from "prisma/config";
import { DEFAULT_DATABASE_URL, isPostgresUrl } from "./prisma/database-url";

// Prisma's native schema engine can't be downloaded on offline machines. `prisma generate|validate|format` only
// check that the file exists, so point them at a stub that exits 1: a native `prisma migrate`/`prisma db` command
// then fails loudly instead of silently doing nothing. Migrations run through scripts/prisma-migrate.mjs (wasm engine).
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.resolve("scripts/no-schema-engine.sh");

// prisma/schema.prisma (SQLite) is the only schema that is edited; scripts/gen-pg-schema.mjs derives
// prisma/postgresql/schema.prisma from it. DB_PROVIDER, or else the DATABASE_URL scheme, picks the one to use.
const url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
const usePostgres = (process.env.DB_PROVIDER ?? (isPostgresUrl(url) ? "postgresql" : "sqlite")) === "postgresql";

export default defineConfig({
  schema: usePostgres ? "prisma/postgresql/schema.prisma" : "prisma/schema.prisma",
  migrations: { path: usePostgres ? "prisma/postgresql/migrations" : "prisma/migrations" },
  datasource: { url },
});
