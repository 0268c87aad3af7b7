#!/usr/bin/env node
// `npm test`: everything, in order, on a fresh machine.
//   1. a Chromium for the browser suite (scripts/ensure-chromium.mjs);
//   2. unit and integration tests of the core against a real SQLite file database (Vitest), then again against
//      PostgreSQL when a server is reachable (TEST_POSTGRES_URL, default a local one with trust auth); without one,
//      that run is skipped with a notice, so a fresh machine without PostgreSQL still passes;
//   3. a production build (`next build`, which also type-checks the whole project);
//   4. the Playwright suite against that build: real Chromium, with JavaScript and without, real emails sent
//      through the Resend SDK to a local capture server; on SQLite, then again with every store on PostgreSQL
//      (skipped with a notice, like the unit run, when no server answers).
// Ends with one line, `N passed, N failed`, for all suites together (also written to .data/results/summary.txt).
// A step that can't run (no browser, a failed build) counts as one failure rather than hiding the tests behind it.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { findOrInstallChromium } from "./ensure-chromium.mjs";

const RESULTS = ".data/results";
rmSync(RESULTS, { recursive: true, force: true });
mkdirSync(RESULTS, { recursive: true });

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", CHECKPOINT_DISABLE: "1" };
const tally = { passed: 0, failed: 0 };
const lines = [];

function step(title) {
  console.log(`\n=== ${title} ===\n`);
}

function run(args, extraEnv = {}) {
  const result = spawnSync(process.execPath, args, { stdio: "inherit", env: { ...env, ...extraEnv } });
  return result.status === 0;
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch {
    return null;
  }
}

function record(suite, passed, failed, note = "") {
  tally.passed += passed;
  tally.failed += failed;
  lines.push(`${suite}: ${passed} passed, ${failed} failed${note ? ` (${note})` : ""}`);
}

step("Browser");
let chromiumPath = null;
try {
  chromiumPath = await findOrInstallChromium();
  console.log(`Using ${chromiumPath}`);
} catch (error) {
  console.error(error.message);
}

function runUnitSuite(suite, extraEnv = {}) {
  const report = `${RESULTS}/${suite.replaceAll(/\W+/g, "-").replace(/-$/, "")}.json`;
  const ok = run(["node_modules/vitest/vitest.mjs", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`], extraEnv);
  const result = readJson(report);
  if (result) record(suite, result.numPassedTests, result.numFailedTests + (ok || result.numFailedTests ? 0 : 1));
  else record(suite, 0, 1, "Vitest did not report");
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

/** Prints why a PostgreSQL run is skipped (not failed): a fresh machine without PostgreSQL must still pass. */
function skipPostgres(suite) {
  console.log(`NOTICE: no PostgreSQL server answered at ${postgresHost}; the ${suite} run is skipped (not failed).`);
  console.log("Set TEST_POSTGRES_URL=postgresql://user@host:port/dbname to point it at a local server.");
  lines.push(`${suite}: skipped, no PostgreSQL server at ${postgresHost}`);
}

step("Unit and integration tests (Vitest, SQLite)");
runUnitSuite("unit (SQLite)");

step("Unit and integration tests (Vitest, PostgreSQL)");
if (postgresAvailable) runUnitSuite("unit (PostgreSQL)", { TEST_DATABASE_URL: postgresUrl });
else skipPostgres("unit (PostgreSQL)");

step("Production build (next build)");
const buildOk = run(["node_modules/next/dist/bin/next", "build"]);

/** The Playwright suite against the build; `kind` names the database every store it starts uses. */
function runE2eSuite(suite, kind, extraEnv = {}) {
  if (!buildOk) return record(suite, 0, 1, "not run: the build failed");
  if (!chromiumPath) return record(suite, 0, 1, "not run: no Chromium");
  const e2eOk = run(["node_modules/@playwright/test/cli.js", "test"], { PLAYWRIGHT_CHROMIUM_PATH: chromiumPath, ...extraEnv });
  const e2e = readJson(`${RESULTS}/e2e-${kind}.json`);
  if (!e2e) return record(suite, 0, 1, "Playwright did not report");
  const { expected = 0, unexpected = 0, flaky = 0 } = e2e.stats ?? {};
  // A run that fails outside any test (a server that won't start) reports no failed test but must not pass.
  const outsideTests = !e2eOk && unexpected === 0 ? 1 : 0;
  record(suite, expected, unexpected + flaky + outsideTests, outsideTests ? "the run failed outside the tests" : "");
}

step("Browser tests (Playwright, SQLite)");
runE2eSuite("e2e (SQLite)", "sqlite");

step("Browser tests (Playwright, PostgreSQL)");
if (postgresAvailable) {
  // Every store the suite starts gets its own database on that server, named storefront_e2e_<store>.
  const e2ePostgresUrl = new URL(postgresUrl);
  e2ePostgresUrl.pathname = "/storefront_e2e";
  runE2eSuite("e2e (PostgreSQL)", "postgresql", { E2E_POSTGRES_URL: e2ePostgresUrl.toString() });
} else {
  skipPostgres("e2e (PostgreSQL)");
}

const summary = `${tally.passed} passed, ${tally.failed} failed`;
writeFileSync(`${RESULTS}/summary.txt`, `${lines.join("\n")}\n${summary}\n`);
console.log(`\n${lines.join("\n")}\n${summary}`);
process.exit(tally.failed === 0 && existsSync(`${RESULTS}/summary.txt`) ? 0 : 1);
