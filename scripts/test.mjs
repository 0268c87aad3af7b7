#!/usr/bin/env node
// `npm test`: everything, in order, on a fresh machine.
//   1. a Chromium for the browser suite (scripts/ensure-chromium.mjs);
//   2. unit and integration tests of the core against a real SQLite file database (Vitest), then again against
//      PostgreSQL when a server is reachable (TEST_POSTGRES_URL, default a local one with trust auth); without one,
//      that run is skipped with a notice, so a fresh machine without PostgreSQL still passes;
//   3. a production build (`next build`, which also type-checks the whole project);
//   4. the Playwright suite against that build: real Chromium, with JavaScript and without, real emails sent
//      through the Resend SDK to a local capture server.
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

step("Unit and integration tests (Vitest, SQLite)");
runUnitSuite("unit (SQLite)");

const postgresUrl = process.env.TEST_POSTGRES_URL || "postgresql://postgres@127.0.0.1:5432/storefront_unit_test";
step("Unit and integration tests (Vitest, PostgreSQL)");
if (await postgresReachable(postgresUrl)) {
  runUnitSuite("unit (PostgreSQL)", { TEST_DATABASE_URL: postgresUrl });
} else {
  const where = new URL(postgresUrl).host;
  console.log(`NOTICE: no PostgreSQL server answered at ${where}; the PostgreSQL run is skipped (not failed).`);
  console.log("Set TEST_POSTGRES_URL=postgresql://user@host:port/dbname to point it at a local server.");
  lines.push(`unit (PostgreSQL): skipped, no server at ${where}`);
}

step("Production build (next build)");
const buildOk = run(["node_modules/next/dist/bin/next", "build"]);

step("Browser tests (Playwright)");
if (!buildOk) {
  record("e2e", 0, 1, "not run: the build failed");
} else if (!chromiumPath) {
  record("e2e", 0, 1, "not run: no Chromium");
} else {
  const e2eOk = run(["node_modules/@playwright/test/cli.js", "test"], { PLAYWRIGHT_CHROMIUM_PATH: chromiumPath });
  const e2e = readJson(`${RESULTS}/e2e.json`);
  if (e2e) {
    const { expected = 0, unexpected = 0, flaky = 0 } = e2e.stats ?? {};
    // A run that fails outside any test (a server that won't start) reports no failed test but must not pass.
    const outsideTests = !e2eOk && unexpected === 0 ? 1 : 0;
    record("e2e", expected, unexpected + flaky + outsideTests, outsideTests ? "the run failed outside the tests" : "");
  } else {
    record("e2e", 0, 1, "Playwright did not report");
  }
}

const summary = `${tally.passed} passed, ${tally.failed} failed`;
writeFileSync(`${RESULTS}/summary.txt`, `${lines.join("\n")}\n${summary}\n`);
console.log(`\n${lines.join("\n")}\n${summary}`);
process.exit(tally.failed === 0 && existsSync(`${RESULTS}/summary.txt`) ? 0 : 1);
