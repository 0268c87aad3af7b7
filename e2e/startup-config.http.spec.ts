import { spawn } from "node:child_process";
import { expect, test } from "@playwright/test";
import { eventually, migrateFreshDatabase, startStore } from "./support/store-process";
import { e2eDatabaseUrl } from "./support/servers";

/** Starts the production server (server.mjs, as `npm start` does) and collects what it prints until it exits. */
function startServer(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["server.mjs"], {
      // No NODE_ENV: server.mjs must default to production.
      env: { PATH: process.env.PATH ?? "", HOSTNAME: "127.0.0.1", PORT: "3109", NEXT_TELEMETRY_DISABLED: "1", ...env } as Record<string, string> as NodeJS.ProcessEnv,
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`the server kept running with a bad configuration:\n${output}`));
    }, 20_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

test("a missing production setting stops start-up with a message naming it", async () => {
  const { code, output } = await startServer({ DATABASE_URL: "file:./.data/e2e/never-used.db", APP_URL: "https://shop.example.com" });
  expect(code).toBe(1);
  expect(output).toContain("AUTH_SECRET is required in production");
  expect(output).toContain("RESEND_API_KEY is required in production");
  expect(output).not.toContain("APP_URL");
});

test("a malformed setting stops start-up with a message naming it, without echoing secrets", async () => {
  const { code, output } = await startServer({
    AUTH_SECRET: "too-short-secret",
    APP_URL: "https://shop.example.com/shop",
    DEV_MAILBOX_ENABLED: "true",
    RESET_TOKEN_TTL_MINUTES: "forever",
  });
  expect(code).toBe(1);
  expect(output).toContain("AUTH_SECRET must be at least 32 characters");
  expect(output).toContain("APP_URL must be the shop's origin");
  expect(output).toContain("RESET_TOKEN_TTL_MINUTES must be a whole number of minutes");
  expect(output).not.toContain("too-short-secret");
});

test("a malformed process count stops start-up with a message naming it", async () => {
  const { code, output } = await startServer({ WEB_CONCURRENCY: "lots" });
  expect(code).toBe(1);
  expect(output).toContain("WEB_CONCURRENCY must be a whole number from 1 to 64");
});

test("npm start serves from one process per core, and replaces one that crashes", async () => {
  test.setTimeout(90_000);
  const databaseUrl = e2eDatabaseUrl("processes");
  migrateFreshDatabase(databaseUrl);
  const log: string[] = [];
  const store = await startStore(3117, { DATABASE_URL: databaseUrl, DEV_MAILBOX_ENABLED: "true", DEV_MAILBOX_PUBLIC_IN_PRODUCTION: "true", WEB_CONCURRENCY: "2" }, log);
  try {
    const workerPids = () => [...log.join("").matchAll(/"event":"outbox\.worker_started","worker":"[^:]+:(\d+):/g)].map((match) => Number(match[1]));
    expect(await eventually(async () => workerPids().length === 2, 30_000)).toBe(true);
    const [crashing, surviving] = workerPids() as [number, number];
    expect(crashing).not.toBe(surviving);

    process.kill(crashing, "SIGKILL");
    expect(await eventually(async () => workerPids().length === 3, 30_000), "a replacement started").toBe(true);
    for (let n = 0; n < 6; n += 1) expect((await fetch(`${store.url}/login`)).status).toBe(200);
    expect(log.join("")).toContain("A server process stopped (SIGKILL); starting another.");
    // It was started with the dev mailbox public: each process says how dangerous that is.
    expect(log.join("")).toContain('"event":"dev_mailbox.public_in_production"');
  } finally {
    await store.stop();
  }
});

test("production refuses the dev mailbox unless a second setting says it may be public", async () => {
  const base = { DATABASE_URL: "file:./.data/e2e/never-used.db", APP_URL: "https://shop.example.com", AUTH_SECRET: "s".repeat(40) };
  const { code, output } = await startServer({ ...base, DEV_MAILBOX_ENABLED: "true" });
  expect(code).toBe(1);
  expect(output).toContain("DEV_MAILBOX_ENABLED=true in production publishes every reset link");
  expect(output).toContain("DEV_MAILBOX_PUBLIC_IN_PRODUCTION=true");
});
