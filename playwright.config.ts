import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import {
  builtPageSettings,
  CAPTURE_URL,
  E2E_DATABASE_KIND,
  E2E_LOG_DIR,
  MAILBOX_STORE_DATABASE_URL,
  MAILBOX_STORE_URL,
  STORE_DATABASE_URL,
  STORE_URL,
} from "./e2e/support/servers";
import { assertLocalDatabase } from "./test/local-database";

// `npm test` finds or installs a Chromium first (scripts/ensure-chromium.mjs) and passes its path here.
const chromiumPath = process.env.PLAYWRIGHT_CHROMIUM_PATH || (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

for (const url of [STORE_DATABASE_URL, MAILBOX_STORE_DATABASE_URL]) assertLocalDatabase(url);

const sharedServerEnv = {
  ...builtPageSettings(),
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  AUTH_SECRET: "e2e-only-secret-e2e-only-secret-0123456789",
  STORE_NAME: "Juniper Goods",
  // Everything the stores log goes to a file that e2e/logs.scan.ts reads at the end, so log at the usual level.
  LOG_LEVEL: "info",
};

/**
 * The production build served by server.mjs (as `npm start` does), with a database recreated from the migrations
 * (a SQLite file, or a PostgreSQL database with E2E_POSTGRES_URL; see e2e/support/servers.ts).
 * The test runner counts as one trusted proxy, so each test can present its own client address in X-Forwarded-For
 * and rate limits keyed by address don't leak between tests (see e2e/fixtures.ts).
 * Its output goes to a log file (and not to the console: at info level it is long).
 */
function storeServer(name: string, url: string, databaseUrl: string, env: Record<string, string>) {
  const port = new URL(url).port;
  const logFile = `${E2E_LOG_DIR}/${E2E_DATABASE_KIND}-${name}.log`;
  return {
    command: `node scripts/prisma-migrate.mjs reset && node e2e/support/run-logged.mjs ${logFile} node server.mjs`,
    url: `${url}/login`,
    env: {
      ...sharedServerEnv,
      HOSTNAME: "127.0.0.1",
      PORT: port,
      TRUST_PROXY_HOPS: "1",
      DATABASE_URL: databaseUrl,
      APP_URL: url,
      PRISMA_MIGRATE_QUIET: "1",
      ...env,
    },
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: "ignore" as const,
    stderr: "pipe" as const,
    gracefulShutdown: { signal: "SIGTERM" as const, timeout: 5_000 },
  };
}

/** Requests no browser would make (huge or malformed input, other clients' APIs), sent straight to the server. */
const HTTP_SPECS = /\.http\.spec\.ts$/;
/** The journeys through forms, which run again as a browser without JavaScript posts them. */
const FORM_JOURNEYS = /(password-reset|account|sign-up|email-change|languages)\.spec\.ts$/;
/**
 * What depends on the database itself, and so runs on PostgreSQL too: several instances on one database, the
 * outbox across crashes and outages, rate-limit counters, and equal answers for known and unknown addresses.
 */
const DATABASE_SPECS = /(two-instances|email-outbox|rate-limits|enumeration)\.http\.spec\.ts$/;
/** Last, once every other test is done: the stores' logs from the whole run, scanned for secrets. */
const logsScan = (dependencies: string[]) => ({ name: "logs", testMatch: /logs\.scan\.ts$/, dependencies });

/** On SQLite, everything: every journey in a browser with JavaScript, the form journeys without it, every HTTP spec. */
const everyProject = [
  { name: "js", use: { ...devices["Desktop Chrome"] }, testIgnore: HTTP_SPECS },
  { name: "no-js", use: { ...devices["Desktop Chrome"], javaScriptEnabled: false }, testMatch: FORM_JOURNEYS },
  { name: "http", testMatch: HTTP_SPECS },
  logsScan(["js", "no-js", "http"]),
];
/** The account journeys in a browser: resets, sign-up, email change, and the signed-in devices. */
const ACCOUNT_JOURNEYS = /(password-reset|account|sign-up|email-change)\.spec\.ts$/;
/**
 * On PostgreSQL, what the database decides, and the account journeys with JavaScript and without it (how React streams
 * a page depends on how fast its data arrives, and a form once streamed out of place only on PostgreSQL).
 */
const databaseProjects = [
  { name: "js", use: { ...devices["Desktop Chrome"] }, testMatch: ACCOUNT_JOURNEYS },
  { name: "no-js", use: { ...devices["Desktop Chrome"], javaScriptEnabled: false }, testMatch: ACCOUNT_JOURNEYS },
  { name: "http", testMatch: DATABASE_SPECS },
  logsScan(["js", "no-js", "http"]),
];

export default defineConfig({
  testDir: "e2e",
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  forbidOnly: true,
  reporter: [["list"], ["json", { outputFile: `.data/results/e2e-${E2E_DATABASE_KIND}.json` }]],
  use: {
    baseURL: STORE_URL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromiumPath,
      // The machine has no route to the internet; keep Chromium from trying.
      args: [
        "--disable-gpu",
        "--disable-quic",
        "--disable-sync",
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
      ],
    },
  },
  projects: E2E_DATABASE_KIND === "sqlite" ? everyProject : databaseProjects,
  webServer: [
    {
      command: "node e2e/support/resend-capture-server.mjs 3101",
      url: `${CAPTURE_URL}/__test/health`,
      reuseExistingServer: false,
      timeout: 10_000,
    },
    storeServer("store", STORE_URL, STORE_DATABASE_URL, {
      RESEND_API_KEY: "re_e2e_capture",
      RESEND_BASE_URL: CAPTURE_URL,
      EMAIL_FROM: "Juniper Goods <no-reply@juniper.example>",
      // A headless front end on its own origin, and the compatibility APIs (e2e/api-*.http.spec.ts).
      CORS_ORIGINS: "http://localhost:4200",
      MAGENTO_API_ENABLED: "true",
      MEDUSA_API_ENABLED: "true",
      COMMERCE_ENGINE_API_ENABLED: "true",
      COMMERCE_ENGINE_PATH_PREFIX: "/api/v1/juniper-test/storefront",
    }),
    // The other configuration, for the browser journeys: mail kept in its dev mailbox, and shoppers signed in when
    // they finish a reset.
    ...(E2E_DATABASE_KIND === "sqlite"
      ? [storeServer("mailbox-store", MAILBOX_STORE_URL, MAILBOX_STORE_DATABASE_URL, {
            DEV_MAILBOX_ENABLED: "true",
            DEV_MAILBOX_PUBLIC_IN_PRODUCTION: "true",
            AUTO_SIGN_IN_AFTER_RESET: "true",
            // One process, where the main store serves from one per core (the default): both shapes run the suite.
            WEB_CONCURRENCY: "1",
          })]
      : []),
  ],
});
