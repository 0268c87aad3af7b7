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
