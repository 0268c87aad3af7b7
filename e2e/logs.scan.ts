import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { SHOPPER_PASSWORD } from "./fixtures";
import { database } from "./support/database";
import { FUZZ_PROBE_EMAIL, FUZZ_PROBE_TOKEN } from "./support/fuzz";
import { type CapturedEmail } from "./support/inbox";
import { CAPTURE_URL, E2E_DATABASE_KIND, E2E_LOG_DIR, MAILBOX_STORE_DATABASE_URL } from "./support/servers";

// Runs after every other e2e test (the "logs" project depends on the others; see playwright.config.ts), over what the
// suite's stores logged during the whole run: registrations, sign-ins, resets, codes and account changes.
// Not one line may hold a token, a code, a reset or "this wasn't me" link, a password, or a shopper's address.

/** Passwords the suite types into forms, besides every shopper's first one. */
const PASSWORDS_TYPED = [
  SHOPPER_PASSWORD,
  "a new passphrase",
  "one new passphrase",
  "back in control now",
  "reset from the laptop",
  "clicked from webmail",
  "changed on the account page",
  "picked from the mailbox",
  "my brand new passphrase",
  "harbour lantern juniper velvet",
];

/**
 * What the run covered: on SQLite every journey, with both stores (playwright.config.ts); on PostgreSQL the database
 * specs and the account journeys with and without JavaScript, with the main store only.
 */
const EVERY_JOURNEY = E2E_DATABASE_KIND === "sqlite";
const EXPECTED = {
  logs: EVERY_JOURNEY ? ["mailbox-store", "store"] : ["store"],
  events: [
    "customer.registered",
    "password_reset.issued",
    "password_reset.completed",
    "email.sent",
    "account.password_changed",
    "account.email_change_requested",
  ],
  emails: 50,
  secrets: 100,
};

function readStoreLogs(): string {
  const files = readdirSync(E2E_LOG_DIR).filter((name) => name.startsWith(`${E2E_DATABASE_KIND}-`) && name.endsWith(".log"));
  expect(files.sort()).toEqual(EXPECTED.logs.map((store) => `${E2E_DATABASE_KIND}-${store}.log`));
  return files.map((name) => readFileSync(path.join(E2E_LOG_DIR, name), "utf8")).join("\n");
}

/** Every email the stores sent: through Resend to the capture server, and into the other store's dev mailbox. */
async function everyEmailSent(): Promise<Pick<CapturedEmail, "to" | "text" | "html">[]> {
  const captured = (await (await fetch(`${CAPTURE_URL}/__test/messages`)).json()) as CapturedEmail[];
  if (!EVERY_JOURNEY) return captured;
  const kept = await database(MAILBOX_STORE_DATABASE_URL).devMailboxMessage.findMany({ select: { to: true, text: true, html: true } });
  return [...captured, ...kept.map((message) => ({ ...message, to: [message.to] }))];
}

/** The secrets in one email: its links with a token, the tokens themselves, and the one-time code in both forms. */
function secretsIn(email: { text: string }): string[] {
  const links = email.text.match(/https?:\/\/\S+\?\S*token=\S+/g) ?? [];
  const tokens = [...email.text.matchAll(/[?&]token=([A-Za-z0-9_-]{20,})/g)].map((match) => match[1] as string);
  const codes = [...email.text.matchAll(/^([2-9A-HJ-NP-Z]{4})-([2-9A-HJ-NP-Z]{4})$/gm)].flatMap((match) => [match[0], `${match[1]}${match[2]}`]);
  return [...links, ...tokens, ...codes];
}

test("the stores' logs from the whole run hold no token, code, link, password or shopper address", async () => {
  const logs = readStoreLogs();
  // The logs are real and cover the flows that handle secrets.
  for (const event of EXPECTED.events) {
    expect(logs, `the logs record ${event}`).toContain(`"event":"${event}"`);
  }

  const emails = await everyEmailSent();
  const secrets = new Set(emails.flatMap(secretsIn));
  expect(emails.length, "the run sent plenty of email").toBeGreaterThan(EXPECTED.emails);
  expect(secrets.size, "the emails held links, tokens and codes").toBeGreaterThan(EXPECTED.secrets);

  expect(logs).not.toMatch(/[?&]token=/);
  const leaked = [...secrets].filter((secret) => logs.includes(secret));
  expect(leaked, "secrets from emails found in the logs").toEqual([]);
  const leakedPasswords = PASSWORDS_TYPED.filter((password) => logs.includes(password));
  expect(leakedPasswords, "passwords found in the logs").toEqual([]);
  const recipients = new Set(emails.flatMap((email) => email.to.map((address) => address.toLowerCase())));
  const leakedAddresses = [...recipients].filter((address) => logs.toLowerCase().includes(address));
  expect(leakedAddresses, "shopper addresses found in the logs").toEqual([]);
  // What the fuzz matrix typed into every form (e2e/bad-input.http.spec.ts, SQLite run).
  expect(logs.toLowerCase()).not.toContain(FUZZ_PROBE_EMAIL);
  expect(logs).not.toContain(FUZZ_PROBE_TOKEN);
});
