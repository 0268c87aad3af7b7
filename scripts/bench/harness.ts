/**
 * What every benchmark needs: a production build, a fresh database with customers in it, the app served by
 * server.mjs on 127.0.0.1, and a local Resend-compatible sink for its mail. Loopback only; every wait is bounded.
 * Run through `npm run bench:*`, which loads this with tsx and the server-only stub (scripts/allow-server-only.mjs).
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { hash } from "@node-rs/argon2";
import { PAGE_SETTING_VARIABLES } from "@/app/_lib/page-setting-variables";
import { PASSWORD_HASH_OPTIONS } from "@/app/_server/auth/password-hash";
import { createDatabaseClient } from "@/prisma/client";
import { assertLocalDatabase } from "@/test/local-database";

import { isPostgresUrl } from "@/prisma/database-url";

/** SQLite by default; with DATABASE_URL=postgresql://… the bench runs on (and recreates) that database instead. */
export const BENCH_DATABASE_URL = process.env.DATABASE_URL || "file:./.data/bench/bench.db";
const STARTUP_TIMEOUT_MS = 60_000;
/** The app's AUTH_SECRET in every benchmark (it seals queued emails, so the app and a separate worker share it). */
export const BENCH_AUTH_SECRET = "bench-only-secret-bench-only-secret-0123456789";
/** The password every seeded customer has (they share one hash, made once). */
export const SEEDED_PASSWORD = "bench password that nobody uses";

export function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

/**
 * Builds the app unless a production build made with this environment's page settings is already there (`npm test`
 * leaves one made with PASSWORD_MIN_LENGTH=10, which the server would refuse to start with the default); `--rebuild`
 * forces one.
 */
export function ensureBuild(): void {
  const reusable = existsSync(".next/BUILD_ID") && existsSync(".next/static-page-csp.json") && builtWithThisEnvironment();
  if (reusable && !process.argv.includes("--rebuild")) return log("using the existing production build");
  log("building (next build)…");
  const built = spawnSync(process.execPath, ["scripts/build.mjs"], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (built.status !== 0) throw new Error("next build failed");
}

/** Whether the existing build recorded the page settings this environment has (next.config.ts, BUILT_<name>). */
function builtWithThisEnvironment(): boolean {
  if (!existsSync(".next/required-server-files.json")) return false;
  const { config } = JSON.parse(readFileSync(".next/required-server-files.json", "utf8")) as { config: { env: Record<string, string> } };
  return PAGE_SETTING_VARIABLES.every((name) => (config.env[`BUILT_${name}`] ?? "") === (process.env[name] ?? ""));
}

/** A fresh database from the migrations, with `count` customers sharing one argon2id hash (the bench never signs in as them). */
export async function freshDatabase(count: number): Promise<string[]> {
  rmSync(".data/bench", { recursive: true, force: true });
  mkdirSync(".data/bench", { recursive: true });
  assertLocalDatabase(BENCH_DATABASE_URL);
  // SQLite: a new file. PostgreSQL: the schema dropped and migrated again (the database is created if missing).
  const migrated = spawnSync(process.execPath, ["scripts/prisma-migrate.mjs", isPostgresUrl(BENCH_DATABASE_URL) ? "reset" : "deploy"], {
    stdio: "inherit",
    env: { ...process.env, DATABASE_URL: BENCH_DATABASE_URL, PRISMA_MIGRATE_QUIET: "1" },
  });
  if (migrated.status !== 0) throw new Error("migrating the bench database failed");
  const db = createDatabaseClient(BENCH_DATABASE_URL);
  const passwordHash = await hash(SEEDED_PASSWORD, PASSWORD_HASH_OPTIONS);
  const emails = Array.from({ length: count }, (_, i) => `customer-${i}@bench.example`);
  for (let start = 0; start < emails.length; start += 1000) {
    const batch = emails.slice(start, start + 1000);
    await db.customer.createMany({ data: batch.map((email, i) => ({ email, name: `Customer ${start + i}`, passwordHash })) });
  }
  await db.$disconnect();
  log(`seeded ${count} customers`);
  return emails;
}

async function waitUntilUp(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url} exited with ${child.exitCode} before it was ready`);
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not come up within ${STARTUP_TIMEOUT_MS / 1000}s`);
}

export type Running = { url: string; child: ChildProcess; stop(): Promise<void> };

function stopper(child: ChildProcess) {
  return () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      const force = setTimeout(() => child.kill("SIGKILL"), 10_000);
      child.once("exit", () => {
        clearTimeout(force);
        resolve();
      });
      child.kill("SIGTERM");
    });
}

/** The local Resend stand-in; `delayMs` makes each send take as long as a real provider's. */
export async function startMailSink(port: number, delayMs: number): Promise<Running> {
  const child = spawn(process.execPath, ["e2e/support/resend-capture-server.mjs", String(port)], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, CAPTURE_DELAY_MS: String(delayMs) },
  });
  const url = `http://127.0.0.1:${port}`;
  await waitUntilUp(`${url}/__test/health`, child);
  return { url, child, stop: stopper(child) };
}

/**
 * The production server, as `npm start` runs it. It trusts one proxy hop so a benchmark can present each request
 * as a different client (X-Forwarded-For), which keeps per-address rate limits out of the measurement.
 */
export async function startApp(port: number, env: Record<string, string>): Promise<Running> {
  const url = `http://127.0.0.1:${port}`;
  // BENCH_PROFILE_DIR=… writes a V8 CPU profile of the server there when it stops (open it in Chrome DevTools).
  const profile = process.env.BENCH_PROFILE_DIR ? ["--cpu-prof", "--cpu-prof-dir", process.env.BENCH_PROFILE_DIR] : [];
  const child = spawn(process.execPath, [...profile, "server.mjs"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      HOSTNAME: "127.0.0.1",
      PORT: String(port),
      DATABASE_URL: BENCH_DATABASE_URL,
      APP_URL: url,
      AUTH_SECRET: BENCH_AUTH_SECRET,
      TRUST_PROXY_HOPS: "1",
      LOG_LEVEL: "warn",
      ...env,
    },
  });
  await waitUntilUp(`${url}/login`, child);
  return { url, child, stop: stopper(child) };
}

/**
 * The outbox worker in a process of its own (`npm run worker`), for a store that runs it beside the app with
 * OUTBOX_WORKER=external. `env` is the app's configuration; there is nothing to wait for, it polls the database.
 */
export function startWorker(env: Record<string, string>): Running {
  const child = spawn(process.execPath, ["--import", "./scripts/allow-server-only.mjs", "--import", "tsx", "scripts/outbox-worker.ts"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, NODE_ENV: "production", DATABASE_URL: BENCH_DATABASE_URL, AUTH_SECRET: BENCH_AUTH_SECRET, LOG_LEVEL: "warn", ...env },
  });
  return { url: "", child, stop: stopper(child) };
}

/**
 * The hidden inputs React renders into a page's form for its server action, as a no-JS browser would submit them.
 * `headers` (a grant cookie, say) are sent with the page request.
 */
export async function readActionForm(pageUrl: string, headers: Record<string, string> = {}): Promise<Record<string, string>> {
  const html = await (await fetch(pageUrl, { headers })).text();
  const form = /<form[^>]*>([\s\S]*?)<\/form>/.exec(html.slice(html.indexOf("<main")))?.[1];
  if (!form) throw new Error(`no form on ${pageUrl}`);
  const fields: Record<string, string> = {};
  for (const input of form.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?\/?>/g)) {
    fields[input[1] ?? ""] = (input[2] ?? "").replaceAll("&quot;", '"').replaceAll("&amp;", "&");
  }
  return fields;
}

/** A documentation-range client address (RFC 5737/2544) for request number `n`. */
export function clientAddress(n: number): string {
  return `198.18.${Math.floor(n / 250) % 250}.${(n % 250) + 1}`;
}
