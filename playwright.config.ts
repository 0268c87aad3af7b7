import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import {
  CAPTURE_URL,
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
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  AUTH_SECRET: "e2e-only-secret-e2e-only-secret-0123456789",
  STORE_NAME: "Juniper Goods",
  LOG_LEVEL: "warn",
};

/**
 * The production build served by server.mjs (as `npm start` does), with a database recreated from the migrations.
 * The test runner counts as one trusted proxy, so each test can present its own client address in X-Forwarded-For
 * and rate limits keyed by address don't leak between tests (see e2e/fixtures.ts).
 */
function storeServer(url: string, databaseUrl: string, env: Record<string, string>) {
  const port = new URL(url).port;
  return {
    command: "node scripts/prisma-migrate.mjs reset && node server.mjs",
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
    stdout: "pipe" as const,
    gracefulShutdown: { signal: "SIGTERM" as const, timeout: 5_000 },
  };
}

export default defineConfig({
  testDir: "e2e",
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  forbidOnly: true,
  reporter: [["list"], ["json", { outputFile: ".data/results/e2e.json" }]],
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
  projects: [
    { name: "js", use: { ...devices["Desktop Chrome"] }, testIgnore: /\.http\.spec\.ts$/ },
    {
      // Every journey again, as a browser without JavaScript sends it: plain form posts, full page loads.
      name: "no-js",
      use: { ...devices["Desktop Chrome"], javaScriptEnabled: false },
      testIgnore: /\.(js-only|http)\.spec\.ts$/,
    },
    // Requests no browser would make (huge or malformed input), sent straight to the server.
    { name: "http", testMatch: /\.http\.spec\.ts$/ },
  ],
  webServer: [
    {
      command: "node e2e/support/resend-capture-server.mjs 3101",
      url: `${CAPTURE_URL}/__test/health`,
      reuseExistingServer: false,
      timeout: 10_000,
    },
    storeServer(STORE_URL, STORE_DATABASE_URL, {
      RESEND_API_KEY: "re_e2e_capture",
      RESEND_BASE_URL: CAPTURE_URL,
      EMAIL_FROM: "Juniper Goods <no-reply@juniper.example>",
    }),
    // The other configuration: mail kept in the dev mailbox, and shoppers signed in when they finish a reset.
    storeServer(MAILBOX_STORE_URL, MAILBOX_STORE_DATABASE_URL, { DEV_MAILBOX_ENABLED: "true", AUTO_SIGN_IN_AFTER_RESET: "true" }),
  ],
});
