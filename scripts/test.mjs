#!/usr/bin/env node
// `npm test`: everything, on a fresh machine, in as little time as two cores allow.
//   1. At once, in two lanes:
//      - a Chromium for the browser suite (scripts/ensure-chromium.mjs), then the production build (`next build`,
//        which also type-checks the whole project);
//      - the unit and integration tests (Vitest) against a real SQLite file database, then against PostgreSQL when a
//        server is reachable (TEST_POSTGRES_URL, default a local one with trust auth); without one, that run is
//        skipped with a notice, so a fresh machine without PostgreSQL still passes.
//   2. The Playwright suite against that one build, on SQLite: real Chromium, with JavaScript and (for the form
//      journeys) without, real emails sent through the Resend SDK to a local capture server, every HTTP spec.
//   3. The same build on PostgreSQL, for what the database decides (several instances, the outbox, rate limits,
//      equal answers; see playwright.config.ts), skipped with a notice like the unit run when no server answers.
// Each stage's output is printed as it finishes; the end lists every stage's time and one line, `N passed, N failed`,
// for all suites together (also written to .data/results/summary.txt). A step that can't run (no browser, a failed
// build) counts as one failure rather than hiding the tests behind it.
import { spawn } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";

const RESULTS = ".data/results";
rmSync(RESULTS, { recursive: true, force: true });
mkdirSync(RESULTS, { recursive: true });

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", CHECKPOINT_DISABLE: "1" };
const tally = { passed: 0, failed: 0 };
const lines = [];
const timings = [];
const started = performance.now();

function record(suite, passed, failed, note = "") {
  tally.passed += passed;
  tally.failed += failed;
  lines.push(`${suite}: ${passed} passed, ${failed} failed${note ? ` (${note})` : ""}`);
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch {
    return null;
  }
}

/**
 * Runs `node <args>` as one stage, its output kept in .data/results/<slug>.log and printed whole when it ends, so
 * stages running side by side don't interleave. Resolves with whether it succeeded and what it wrote to stdout.
 */
function stage(title, args, extraEnv = {}) {
  const slug = title.toLowerCase().replaceAll(/\W+/g, "-").replace(/-$/, "");
  const logPath = `${RESULTS}/${slug}.log`;
  const log = createWriteStream(logPath);
  const began = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { env: { ...env, ...extraEnv }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
      log.write(chunk);
    });
    child.stderr.on("data", (chunk) => log.write(chunk));
    child.on("close", (code) => {
      log.end(() => {
        const seconds = (performance.now() - began) / 1000;
        timings.push([title, seconds]);
        console.log(`\n=== ${title} (${seconds.toFixed(0)} s) ===\n`);
        console.log(readFileSync(logPath, "utf8"));
        resolve({ ok: code === 0, stdout });
      });
    });
  });
}

function skipped(title, why) {
  console.log(`\n=== ${title} ===\n\nNOTICE: ${why}`);
  timings.push([`${title} (skipped)`, 0]);
}

/** Whether a PostgreSQL server answers at the URL's host (through its maintenance database), within 3 seconds. */
async function postgresReachable(url) {
  const { default: pg } = await import("pg");
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString(), connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

const postgresUrl = process.env.TEST_POSTGRES_URL || "postgresql://postgres@127.0.0.1:5432/storefront_unit_test";
const postgresHost = new URL(postgresUrl).host;
const postgresAvailable = await postgresReachable(postgresUrl);
const noPostgres = (suite) => {
  lines.push(`${suite}: skipped, no PostgreSQL server at ${postgresHost}`);
  return `no PostgreSQL server answered at ${postgresHost}; the ${suite} run is skipped (not failed). Set TEST_POSTGRES_URL=postgresql://user@host:port/dbname to point it at a local server.`;
};

async function unitSuite(suite, extraEnv = {}) {
  const report = `${RESULTS}/${suite.replaceAll(/\W+/g, "-").replace(/-$/, "")}.json`;
  const { ok } = await stage(`Unit and integration tests (Vitest, ${suite.match(/\((.*)\)/)[1]})`, [
    "node_modules/vitest/vitest.mjs", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`,
  ], extraEnv);
  const result = readJson(report);
  if (result) record(suite, result.numPassedTests, result.numFailedTests + (ok || result.numFailedTests ? 0 : 1));
  else record(suite, 0, 1, "Vitest did not report");
}

const unitLane = (async () => {
  await unitSuite("unit (SQLite)");
  if (postgresAvailable) await unitSuite("unit (PostgreSQL)", { TEST_DATABASE_URL: postgresUrl });
  else skipped("Unit and integration tests (Vitest, PostgreSQL)", noPostgres("unit (PostgreSQL)"));
})();

const browserAndBuildLane = (async () => {
  const chromium = await stage("Browser", ["scripts/ensure-chromium.mjs"]);
  const chromiumPath = chromium.ok ? chromium.stdout.trim().split("\n").pop() : null;
  // The browser suite checks that configuration reaches the browser: the build it tests takes a minimum password
  // length other than the default (e2e/support/servers.ts hands the build's settings to every store it starts).
  const build = await stage("Production build (next build)", ["scripts/build.mjs"], { PASSWORD_MIN_LENGTH: "10" });
  return { chromiumPath, buildOk: build.ok };
})();

const [{ chromiumPath, buildOk }] = await Promise.all([browserAndBuildLane, unitLane]);

/** The Playwright suite against the build; `kind` names the database every store it starts uses. */
async function e2eSuite(suite, kind, extraEnv = {}) {
  if (!buildOk) return record(suite, 0, 1, "not run: the build failed");
  if (!chromiumPath) return record(suite, 0, 1, "not run: no Chromium");
  const { ok } = await stage(`Browser tests (Playwright, ${kind === "sqlite" ? "SQLite" : "PostgreSQL"})`, ["node_modules/@playwright/test/cli.js", "test"], {
    PLAYWRIGHT_CHROMIUM_PATH: chromiumPath,
    ...extraEnv,
  });
  const e2e = readJson(`${RESULTS}/e2e-${kind}.json`);
  if (!e2e) return record(suite, 0, 1, "Playwright did not report");
  const { expected = 0, unexpected = 0, flaky = 0 } = e2e.stats ?? {};
  // A run that fails outside any test (a server that won't start) reports no failed test but must not pass.
  const outsideTests = !ok && unexpected === 0 ? 1 : 0;
  record(suite, expected, unexpected + flaky + outsideTests, outsideTests ? "the run failed outside the tests" : "");
}

await e2eSuite("e2e (SQLite)", "sqlite");
if (postgresAvailable) {
  // Every store the suite starts gets its own database on that server, named storefront_e2e_<store>.
  const e2ePostgresUrl = new URL(postgresUrl);
  e2ePostgresUrl.pathname = "/storefront_e2e";
  await e2eSuite("e2e (PostgreSQL)", "postgresql", { E2E_POSTGRES_URL: e2ePostgresUrl.toString() });
} else {
  skipped("Browser tests (Playwright, PostgreSQL)", noPostgres("e2e (PostgreSQL)"));
}

const total = (performance.now() - started) / 1000;
const stageTimes = [...timings.map(([title, seconds]) => `  ${seconds.toFixed(0).padStart(4)} s  ${title}`), `  ${total.toFixed(0).padStart(4)} s  all of npm test (the lanes of stage 1 overlap)`];
const summary = `${tally.passed} passed, ${tally.failed} failed`;
writeFileSync(`${RESULTS}/summary.txt`, `${lines.join("\n")}\n${summary}\n`);
console.log(`\nStage times:\n${stageTimes.join("\n")}\n\n${lines.join("\n")}\n${summary}`);
process.exit(tally.failed === 0 && existsSync(`${RESULTS}/summary.txt`) ? 0 : 1);
