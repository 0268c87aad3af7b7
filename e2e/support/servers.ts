import { existsSync, readFileSync } from "node:fs";

const BUILD_CONFIG = ".next/required-server-files.json";

/**
 * The servers the e2e suite starts (see playwright.config.ts): the app as a shopper's store sends mail (through the
 * real Resend SDK to the capture server), and a second instance of the same build in the other configuration: mail
 * kept in its dev mailbox, and AUTO_SIGN_IN_AFTER_RESET on.
 */
export const CAPTURE_URL = "http://127.0.0.1:3101";
/** The capture server under another site's name: "localhost" and "127.0.0.1" are different sites to a browser. */
export const WEBMAIL_URL = "http://localhost:3101";
export const STORE_URL = "http://127.0.0.1:3100";
export const MAILBOX_STORE_URL = "http://127.0.0.1:3102";

/**
 * The suite runs on SQLite files by default. With E2E_POSTGRES_URL=postgresql://user@host:port/prefix (`npm test`
 * sets it when a local server answers) every store the suite starts uses a PostgreSQL database named
 * `<prefix>_<name>` on that server instead, created and migrated from scratch.
 */
const POSTGRES_URL = process.env.E2E_POSTGRES_URL || "";
export const E2E_DATABASE_KIND: "sqlite" | "postgresql" = POSTGRES_URL ? "postgresql" : "sqlite";

export function e2eDatabaseUrl(name: string): string {
  if (!/^[a-z][a-z0-9_]*$/.test(name)) throw new Error(`unexpected e2e database name: ${name}`);
  if (!POSTGRES_URL) return `file:./.data/e2e/${name}.db`;
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${url.pathname.slice(1) || "storefront_e2e"}_${name}`;
  return url.toString();
}

export const STORE_DATABASE_URL = e2eDatabaseUrl("store");
export const MAILBOX_STORE_DATABASE_URL = e2eDatabaseUrl("mailbox_store");

/** Where the suite's long-running stores write their logs, which e2e/logs.scan.ts reads at the end. */
export const E2E_LOG_DIR = ".data/e2e/logs";

/**
 * The settings the build under test was made with (STORE_NAME, RESET_TOKEN_TTL_MINUTES, PASSWORD_MIN_LENGTH, as
 * next.config.ts records them): every store the suite starts runs with them, since a server refuses to start with
 * others (app/_server/env.ts). `npm test` builds with PASSWORD_MIN_LENGTH=10, not the default 8, so the suite shows
 * the configured length reaching the browser's checks.
 */
export function builtPageSettings(): Record<string, string> {
  if (!existsSync(BUILD_CONFIG)) return {}; // no build yet: the stores won't start, and say so
  const { config } = JSON.parse(readFileSync(BUILD_CONFIG, "utf8")) as { config: { env: Record<string, string> } };
  return Object.fromEntries(
    Object.entries(config.env)
      .filter(([name, value]) => name.startsWith("BUILT_") && value !== "")
      .map(([name, value]) => [name.slice("BUILT_".length), value]),
  );
}

/** The shortest password the build under test accepts. */
export const PASSWORD_MIN_LENGTH = Number(builtPageSettings().PASSWORD_MIN_LENGTH ?? 8);
