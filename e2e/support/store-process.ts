import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { once } from "node:events";
import { builtPageSettings } from "./servers";

/**
 * A store server (server.mjs, as `npm start` runs it) in its own process, for tests about the process itself: being
 * killed, restarted, or fed a failing mail provider. Everything it prints is kept, so a test can scan its logs.
 */
export type StoreProcess = {
  url: string;
  output: () => string;
  /** SIGTERM waits for the graceful shutdown; SIGKILL is a crash. Resolves when the process has exited. */
  stop: (signal?: "SIGTERM" | "SIGKILL") => Promise<void>;
};

const STARTUP_TIMEOUT_MS = 60_000;

/** Unlocks GET /api/health's outbox details, which a store shows nobody else. */
export const HEALTH_DETAILS_TOKEN = "e2e-health-details-token-0123456789abcdef";

export function migrateFreshDatabase(databaseUrl: string): void {
  execFileSync(process.execPath, ["scripts/prisma-migrate.mjs", "reset"], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_MIGRATE_QUIET: "1" },
    stdio: "inherit",
  });
}

export async function startStore(port: number, env: Record<string, string>, log: string[] = []): Promise<StoreProcess> {
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(process.execPath, ["server.mjs"], {
    env: {
      PATH: process.env.PATH ?? "",
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      HOSTNAME: "127.0.0.1",
      PORT: String(port),
      APP_URL: url,
      AUTH_SECRET: "e2e-only-secret-e2e-only-secret-0123456789",
      TRUST_PROXY_HOPS: "1",
      LOG_LEVEL: "info",
      HEALTH_DETAILS_TOKEN,
      ...builtPageSettings(),
      ...env,
    },
  });
  child.stdout?.on("data", (chunk) => log.push(String(chunk)));
  child.stderr?.on("data", (chunk) => log.push(String(chunk)));
  const exited = once(child, "exit");

  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the store exited during start-up:\n${log.join("")}`);
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`the store did not start within ${STARTUP_TIMEOUT_MS / 1000}s`);
    }
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }

  return {
    url,
    output: () => log.join(""),
    async stop(signal = "SIGTERM") {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill(signal);
      await exited;
    },
  };
}

/** The outbox part of GET /api/health, as an operator with the details token sees it. */
export async function outboxHealth(storeUrl: string): Promise<{ backlog: number; oldestPendingAgeSeconds: number; failed: number }> {
  const response = await fetch(`${storeUrl}/api/health`, { headers: { authorization: `Bearer ${HEALTH_DETAILS_TOKEN}` } });
  return (await response.json()).outbox;
}

/** Polls until `check` holds, at most `timeoutMs`; returns whether it did. */
export async function eventually(check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return check();
}
