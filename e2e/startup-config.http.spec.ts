import { spawn } from "node:child_process";
import { expect, test } from "@playwright/test";

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
