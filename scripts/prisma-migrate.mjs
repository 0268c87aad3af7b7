#!/usr/bin/env node
// Offline replacement for `prisma migrate dev|deploy|reset|diff|status`.
//
// Prisma's native schema engine can't be downloaded on offline machines, so this drives its WebAssembly build
// (@prisma/schema-engine-wasm) through the official driver adapters, making the same engine calls as the CLI.
// It writes standard prisma/migrations/<timestamp>_<name>/migration.sql folders whose checksums the native CLI
// accepts, so `npx prisma migrate deploy` works on the same history on a connected machine.
// Schema and migrations paths come from prisma.config.ts; the database from DATABASE_URL
// (file:… → SQLite through better-sqlite3, postgres://… → PostgreSQL through pg).
//
//   node scripts/prisma-migrate.mjs dev --name add_x [--create-only]
//   node scripts/prisma-migrate.mjs deploy | reset | diff | status
import { existsSync, mkdirSync } from "node:fs";
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { parseArgs } from "node:util";
import { loadConfigFromFile } from "@prisma/config";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";

const require = createRequire(import.meta.url);
const { values: opts, positionals } = parseArgs({
  allowPositionals: true,
  options: { name: { type: "string" }, "create-only": { type: "boolean" }, config: { type: "string" } },
});
let command = positionals[0];
const quiet = process.env.PRISMA_MIGRATE_QUIET === "1";
const say = (message) => quiet || console.log(message);

// ---------- config, schema, provider ----------
const { config, error } = await loadConfigFromFile({ configFile: opts.config });
if (error) throw new Error(`Could not load prisma.config.ts: ${error._tag} ${error.error ?? ""}`);
const root = config.loadedFromFile ? path.dirname(config.loadedFromFile) : process.cwd();
const schemaPath = path.resolve(root, config.schema ?? "prisma/schema.prisma");
const migrationsDir = path.resolve(root, config.migrations?.path ?? path.join(path.dirname(schemaPath), "migrations"));
const schemaFiles = [{ path: schemaPath, content: await readFile(schemaPath, "utf8") }];
const provider = /datasource\s+\w+\s*\{[^}]*provider\s*=\s*"(\w+)"/s.exec(schemaFiles[0].content)?.[1];
const url = config.datasource?.url;
if (!url) throw new Error("Set DATABASE_URL (or datasource.url in prisma.config.ts)");
if (provider === "sqlite" && !url.startsWith("file:")) throw new Error("The SQLite schema needs a file: DATABASE_URL");
if (provider === "postgresql" && !/^postgres(ql)?:\/\//.test(url)) {
  throw new Error("The PostgreSQL schema needs a postgres:// DATABASE_URL");
}
const sqliteFile = provider === "sqlite" ? path.resolve(process.cwd(), url.replace(/^file:/, "").split("?")[0]) : null;
if (sqliteFile) mkdirSync(path.dirname(sqliteFile), { recursive: true });

// Like `prisma migrate`, create a PostgreSQL database that doesn't exist yet (through the server's maintenance
// database), so `npm start` or the tests can point DATABASE_URL at a new name.
if (provider === "postgresql" && ["deploy", "dev", "reset"].includes(command)) await createPostgresDatabaseIfMissing(url);

async function createPostgresDatabaseIfMissing(databaseUrl) {
  const name = decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
  if (!name) throw new Error("DATABASE_URL names no database");
  const { default: pg } = await import("pg");
  const maintenance = new URL(databaseUrl);
  maintenance.pathname = "/postgres";
  const client = new pg.Client({ connectionString: maintenance.toString() });
  try {
    await client.connect();
  } catch {
    return; // no access to the maintenance database: the engine's own connection will report the real problem
  }
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (rowCount === 0) {
      await client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
      say(`Created database ${name}`);
    }
  } catch (error) {
    // Another process creating it at the same moment is fine; anything else is reported by the engine below.
    if (error?.code !== "42P04") say(`Could not create database ${name}: ${error.message}`);
  } finally {
    await client.end().catch(() => {});
  }
}

// The wasm engine's SQLite reset only DELETEs rows and keeps the tables, so reset by recreating the file.
if (command === "reset" && sqliteFile) {
  for (const f of [sqliteFile, `${sqliteFile}-journal`, `${sqliteFile}-wal`, `${sqliteFile}-shm`]) await rm(f, { force: true });
  say(`Deleted ${path.relative(process.cwd(), sqliteFile)}`);
  command = "deploy";
}

// ---------- driver adapters, with workarounds for bugs of the wasm engine path ----------
function patchSqlite(adapter) {
  // better-sqlite3's executeRaw() prepares a single statement, but the engine replays whole migration scripts
  // through it on the shadow database. Route parameterless calls to executeScript().
  const executeRaw = adapter.executeRaw.bind(adapter);
  adapter.executeRaw = async (q) => (q.args.length === 0 ? (await adapter.executeScript(q.sql), 0) : executeRaw(q));
  return adapter;
}
// pg_catalog types that adapter-pg rejects but the schema describer reads ("char", name, …); their values are strings.
const PG_TYPES_READ_AS_TEXT = new Set([18, 19, 22, 24, 30, 2205]);
const PG_TEXT = 25;

async function makeAdapterFactory() {
  if (provider === "sqlite") {
    const { PrismaBetterSqlite3 } = await import("@prisma/adapter-better-sqlite3");
    const inner = new PrismaBetterSqlite3({ url }); // shadow database = :memory:
    return {
      provider: inner.provider,
      adapterName: inner.adapterName,
      connect: async () => patchSqlite(await inner.connect()),
      connectToShadowDb: async () => patchSqlite(await inner.connectToShadowDb()),
    };
  }
  if (provider === "postgresql") {
    const { PrismaPg } = await import("@prisma/adapter-pg");
    const inner = new PrismaPg({ connectionString: url });
    const patchPg = (adapter) => {
      const performIO = adapter.performIO.bind(adapter);
      adapter.performIO = async (q) => {
        const result = await performIO(q);
        for (const f of result.fields ?? []) if (PG_TYPES_READ_AS_TEXT.has(f.dataTypeID)) f.dataTypeID = PG_TEXT;
        return result;
      };
      return adapter;
    };
    return {
      provider: inner.provider,
      adapterName: inner.adapterName,
      connect: async () => patchPg(await inner.connect()),
      // PrismaPg.connectToShadowDb() drops the shadow database before closing its pool, which fails and leaks the
      // database. Create and drop it here, in the right order.
      connectToShadowDb: async () => {
        const admin = await inner.connect();
        const name = `prisma_migrate_shadow_db_${randomUUID().replaceAll("-", "_")}`;
        await admin.executeScript(`CREATE DATABASE "${name}"`);
        const shadowUrl = new URL(url);
        shadowUrl.pathname = `/${name}`;
        const shadow = patchPg(await new PrismaPg({ connectionString: shadowUrl.toString() }).connect());
        const dispose = shadow.dispose.bind(shadow);
        shadow.dispose = async () => {
          await dispose();
          await admin.executeScript(`DROP DATABASE IF EXISTS "${name}"`);
          await admin.dispose();
        };
        return shadow;
      },
    };
  }
  throw new Error(`Unsupported provider ${provider}: the wasm schema engine supports sqlite and postgresql`);
}

// ---------- wasm schema engine ----------
async function loadEngineModule() {
  const dir = path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
  const glue = await import(path.join(dir, "schema_engine_bg.js"));
  const wasmModule = new WebAssembly.Module(await readFile(path.join(dir, "schema_engine_bg.wasm")));
  const instance = new WebAssembly.Instance(wasmModule, { "./schema_engine_bg.js": glue });
  glue.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  return glue;
}
let panicMessage = "";
globalThis.PRISMA_WASM_PANIC_REGISTRY = { set_message: (m) => { panicMessage = m; } };

const rawFactory = await makeAdapterFactory();
const openedAdapters = []; // disposed at exit, or pg pools would keep the process alive
const factory = bindMigrationAwareSqlAdapterFactory({
  ...rawFactory,
  connect: async () => {
    const adapter = await rawFactory.connect();
    openedAdapters.push(adapter);
    return adapter;
  },
});
const { SchemaEngine } = await loadEngineModule();
const engine = await SchemaEngine.new(
  { datamodels: schemaFiles.map((f) => [f.path, f.content]) },
  (log) => { if (process.env.DEBUG_SCHEMA_ENGINE) console.error("[schema-engine]", log); },
  factory,
);
const filters = { externalTables: config.tables?.external ?? [], externalEnums: config.enums?.external ?? [] };
const schema = { files: schemaFiles };

async function run(method, input) {
  try {
    return await engine[method](input);
  } catch (e) {
    let message = panicMessage || e?.message || String(e);
    const id = /External error id#(\d+)/.exec(message)?.[1];
    if (id !== undefined) message += `\n  caused by: ${factory.errorRegistry.consumeError(Number(id))?.error?.message ?? "?"}`;
    const err = new Error(`${method} failed${e?.code ? ` (${e.code})` : ""}: ${message}`);
    err.code = e?.code;
    throw err;
  }
}

const LOCKFILE = `# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "${provider}"\n`;

async function migrationsList() {
  const lockPath = path.join(migrationsDir, "migration_lock.toml");
  const entries = existsSync(migrationsDir) ? await readdir(migrationsDir, { withFileTypes: true }) : [];
  const migrationDirectories = [];
  for (const d of entries.filter((e) => e.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
    const content = await readFile(path.join(migrationsDir, d.name, "migration.sql"), "utf8").then(
      (value) => ({ tag: "ok", value }),
      (e) => ({ tag: "error", value: e.message }),
    );
    migrationDirectories.push({ path: d.name, migrationFile: { path: "migration.sql", content } });
  }
  return {
    baseDir: migrationsDir,
    lockfile: { path: "migration_lock.toml", content: existsSync(lockPath) ? await readFile(lockPath, "utf8") : LOCKFILE },
    migrationDirectories,
    shadowDbInitScript: config.migrations?.initShadowDb ?? "",
  };
}

async function deploy() {
  const { appliedMigrationNames } = await run("applyMigrations", { migrationsList: await migrationsList(), filters });
  say(appliedMigrationNames.length ? `Applied: ${appliedMigrationNames.join(", ")}` : "No pending migrations.");
}

async function diffScript() {
  const { stdout, exitCode } = await run("diff", {
    from: { tag: "migrations", ...(await migrationsList()) },
    to: { tag: "schemaDatamodel", ...schema },
    script: true,
    exitCode: true,
    filters,
  });
  return exitCode === 2 ? stdout : null; // 0 = no difference, 2 = changes
}

// The same sequence of engine calls as `prisma migrate dev` (packages/migrate MigrateDev).
async function dev() {
  if (!opts.name) throw new Error("dev needs --name <migration_name>");
  let diagnostic = null;
  try {
    diagnostic = await run("devDiagnostic", { migrationsList: await migrationsList(), filters });
  } catch (e) {
    // wasm engine + SQLite: a database without _prisma_migrations gives P1014 instead of "not initialised"
    if (e.code !== "P1014") throw e;
  }
  if (diagnostic?.action.tag === "reset") {
    throw new Error(`Drift detected, the database must be reset: ${diagnostic.action.reason}\nRun the reset command.`);
  }
  await deploy(); // applies pending migrations (and creates _prisma_migrations on a fresh database)
  // Warms the engine's shadow-schema cache with the migrations as now applied; evaluateDataLoss relies on it
  // (without it, PostgreSQL fails with "shadow DB must be provided through an external factory").
  await run("devDiagnostic", { migrationsList: await migrationsList(), filters });
  const list = await migrationsList();
  const loss = await run("evaluateDataLoss", { migrationsList: list, schema, filters });
  for (const w of loss.warnings) console.warn(`warning: ${w.message}`);
  if (loss.unexecutableSteps.length && !opts["create-only"]) {
    throw new Error(
      `Cannot apply automatically (use --create-only and edit the SQL):\n${loss.unexecutableSteps.map((s) => ` - ${s.message}`).join("\n")}`,
    );
  }
  const { generatedMigrationName, migrationScript, extension } = await run("createMigration", {
    draft: false,
    migrationName: opts.name,
    migrationsList: list,
    schema,
    filters,
  });
  if (migrationScript === null) return say("Already in sync, no schema change found.");
  const file = path.join(migrationsDir, generatedMigrationName, `migration.${extension}`);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, migrationScript);
  await writeFile(path.join(migrationsDir, "migration_lock.toml"), LOCKFILE);
  say(`Created ${path.relative(process.cwd(), file)}`);
  if (!opts["create-only"]) await deploy();
}

async function reset() {
  await run("reset", { filter: filters }); // PostgreSQL: drops and recreates the schema
  say("Database reset.");
  await deploy();
}

async function status() {
  const result = await run("diagnoseMigrationHistory", {
    migrationsList: await migrationsList(),
    optInToShadowDatabase: false,
    filters,
  });
  console.log(JSON.stringify(result, null, 2));
}

// WAL lets readers proceed while one writer commits, which matters once the worker and the app share the file.
// journal_mode is stored in the database file, so setting it once here covers every later connection.
async function enableSqliteWal() {
  if (!sqliteFile) return;
  const { default: Database } = await import("better-sqlite3");
  const db = new Database(sqliteFile);
  try {
    db.pragma("journal_mode = WAL");
  } finally {
    db.close();
  }
}

try {
  switch (command) {
    case "deploy":
      await deploy();
      break;
    case "dev":
      await dev();
      break;
    case "reset":
      await reset();
      break;
    case "diff": {
      // For CI: exits 2 when the schema has changes that no migration covers.
      const script = await diffScript();
      process.stdout.write(script ?? "-- schema and migrations are in sync\n");
      if (script) process.exitCode = 2;
      break;
    }
    case "status":
      await status();
      break;
    default:
      console.error("usage: prisma-migrate.mjs dev --name <name> [--create-only] | deploy | reset | diff | status");
      process.exitCode = 2;
  }
} catch (e) {
  console.error(e.message);
  process.exitCode = 1;
} finally {
  engine.free();
  for (const adapter of openedAdapters) await adapter.dispose().catch(() => {});
  // After the engine's connections are closed, or SQLite reports the database as locked.
  if (["deploy", "dev"].includes(command) && !process.exitCode) {
    await enableSqliteWal().catch((e) => {
      console.error(`Could not switch SQLite to WAL mode: ${e.message}`);
      process.exitCode = 1;
    });
  }
  // The wasm engine leaves a ~10 s timer behind (the PostgreSQL lock timeout); don't wait for it.
  process.exit(process.exitCode ?? 0);
}
