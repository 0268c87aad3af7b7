import { type APIRequestContext, expect, test } from "@playwright/test";
import { startCaptureServer } from "../test/capture-server";
import { database, seedCustomers } from "./support/database";
import { readForm, RESET_REQUEST_ACCEPTED, resetRequestAnswer, submitForm } from "./support/form-post";
import { resetCodeIn } from "./support/inbox";
import { e2eDatabaseUrl } from "./support/servers";
import { eventually, migrateFreshDatabase, outboxHealth, startStore } from "./support/store-process";

// Email that is never lost: each test runs its own store process (server.mjs on the production build) and its own
// Resend stand-in, so it can break the provider or kill the process without disturbing other tests.

type CaptureServer = Awaited<ReturnType<typeof startCaptureServer>>;

/** `count` customers straight into the store's database (they never sign in). */
async function seedOutboxCustomers(databaseUrl: string, label: string, count: number): Promise<string[]> {
  const emails = Array.from({ length: count }, (_, i) => `${label}-${i}@outbox.example`);
  await seedCustomers(databaseUrl, emails, "seeded customers never sign in");
  return emails;
}

/** Asks for a reset as a browser without JavaScript does, each request from its own client address. */
async function askForReset(request: APIRequestContext, form: Awaited<ReturnType<typeof readForm>>, email: string, n: number) {
  const response = await submitForm(request, form, { email }, { "X-Forwarded-For": `198.19.${Math.floor(n / 250)}.${(n % 250) + 1}` });
  const answer = resetRequestAnswer(response);
  return { status: answer.status, confirmed: answer.location === RESET_REQUEST_ACCEPTED.location };
}

/** Many shoppers asking at once, eight requests in flight at a time; the answers in the order of `emails`. */
async function askForResets(request: APIRequestContext, form: Awaited<ReturnType<typeof readForm>>, emails: string[], first: number) {
  const answers: Awaited<ReturnType<typeof askForReset>>[] = [];
  for (let start = 0; start < emails.length; start += 8) {
    const batch = emails.slice(start, start + 8).map((email, i) => askForReset(request, form, email, first + start + i));
    answers.push(...(await Promise.all(batch)));
  }
  return answers;
}

async function countDelivered(capture: CaptureServer, emails: string[]): Promise<number[]> {
  return Promise.all(emails.map(async (email) => (await capture.messagesTo(email)).length));
}

function storeEnv(databaseUrl: string, capture: CaptureServer, extra: Record<string, string> = {}) {
  return {
    DATABASE_URL: databaseUrl,
    RESEND_API_KEY: "re_e2e_outbox",
    RESEND_BASE_URL: capture.url,
    EMAIL_FROM: "Juniper Goods <no-reply@juniper.example>",
    // Quick retries, never more than 2 s apart (and enough of them to outlast the outage), and a short send timeout:
    // an outage of a few seconds is many attempts, and mail goes out within 2 s of the provider's recovery.
    OUTBOX_RETRY_BASE_MS: "200",
    OUTBOX_RETRY_MAX_MS: "2000",
    OUTBOX_MAX_ATTEMPTS: "50",
    EMAIL_SEND_TIMEOUT_MS: "1000",
    ...extra,
  };
}

test("a provider outage (errors, then timeouts) during 200 reset requests costs no email and sends none twice", async ({ request }) => {
  test.setTimeout(240_000);
  const databaseUrl = e2eDatabaseUrl("outbox_outage");
  migrateFreshDatabase(databaseUrl);
  const emails = await seedOutboxCustomers(databaseUrl, "outage", 200);
  const capture = await startCaptureServer();
  const logLines: string[] = [];
  const store = await startStore(3111, storeEnv(databaseUrl, capture), logLines);
  try {
    const form = await readForm(request, `${store.url}/forgot-password`);

    // The provider fails outright for the first half, then accepts mail but never answers for the second half.
    await capture.setFault("error");
    const answers = await askForResets(request, form, emails.slice(0, 100), 0);
    await capture.setFault("timeout");
    answers.push(...(await askForResets(request, form, emails.slice(100), 100)));
    // Every shopper got the normal confirmation, whatever the provider was doing.
    expect(answers.every((answer) => answer.status === 303 && answer.confirmed)).toBe(true);

    // Both kinds of failure really happened before the provider recovered.
    expect(await eventually(async () => {
      const stats = await capture.stats();
      return stats.refused > 0 && stats.timedOut > 0;
    }, 30_000)).toBe(true);
    await capture.setFault("none");

    expect(await eventually(async () => (await outboxHealth(store.url)).backlog === 0, 120_000)).toBe(true);
    expect(await outboxHealth(store.url)).toMatchObject({ backlog: 0, failed: 0 });
    // Exactly one email each: the retries of mail the provider had accepted without answering were recognised by
    // their Idempotency-Key.
    expect(await countDelivered(capture, emails)).toEqual(emails.map(() => 1));
    expect((await capture.stats()).duplicates).toBeGreaterThan(0);

    // The logs of the whole run hold no link, token or code from any of the 200 emails.
    await store.stop();
    assertLogsHoldNoSecrets(logLines.join(""), await capture.messagesTo(emails[0] as string), emails);
  } finally {
    await store.stop();
    await capture.stop();
  }
});

test("mail queued when the store is killed (SIGKILL) is delivered exactly once after a restart", async ({ request }) => {
  test.setTimeout(180_000);
  const databaseUrl = e2eDatabaseUrl("outbox_crash");
  migrateFreshDatabase(databaseUrl);
  const emails = await seedOutboxCustomers(databaseUrl, "crash", 20);
  const capture = await startCaptureServer();
  // Sends hang for up to 3 s, so at the moment of the crash some messages are claimed and mid-send (some already
  // accepted by the provider), and the rest wait in the outbox.
  const env = storeEnv(databaseUrl, capture, { EMAIL_SEND_TIMEOUT_MS: "3000" });
  const first = await startStore(3112, env);
  let second: Awaited<ReturnType<typeof startStore>> | undefined;
  try {
    await capture.setFault("timeout");
    const form = await readForm(request, `${first.url}/forgot-password`);
    expect(await askForResets(request, form, emails, 0)).toEqual(emails.map(() => ({ status: 303, confirmed: true })));
    // At least eight messages reached the provider without the store hearing back: the dangerous ones.
    expect(await eventually(async () => (await capture.stats()).timedOut >= 8, 60_000)).toBe(true);

    await first.stop("SIGKILL");
    const db = database(databaseUrl);
    const unsent = (await db.resetRequest.count()) + (await db.outboxEmail.count({ where: { status: { in: ["pending", "sending"] } } }));
    expect(unsent, "mail was still to be issued, queued or mid-send when the store died").toBeGreaterThan(0);
    await capture.setFault("none");

    // After the restart, what the dead process held is taken over when its lease runs out (9 s for mail, 30 s for
    // a reset request).
    second = await startStore(3112, env);
    expect(await eventually(async () => (await countDelivered(capture, emails)).every((count) => count >= 1), 90_000)).toBe(true);
    expect(await eventually(async () => (await outboxHealth(second!.url)).backlog === 0, 30_000)).toBe(true);
    expect(await countDelivered(capture, emails)).toEqual(emails.map(() => 1));
    // The ones the provider had already accepted were recognised by their Idempotency-Key, not sent again.
    expect((await capture.stats()).duplicates).toBeGreaterThanOrEqual(8);
  } finally {
    await first.stop("SIGKILL");
    await second?.stop();
    await capture.stop();
  }
});

/**
 * Accepted requests are rows before the answer: half through the no-JS form, half through the JSON API, the store
 * killed the moment the last answer arrives, then started again. `providerFailsFirst` keeps the provider failing
 * for the first seconds after the restart.
 */
async function acceptThenCrash(request: APIRequestContext, { port, label, providerFailsFirst }: { port: number; label: string; providerFailsFirst: boolean }) {
  const databaseUrl = e2eDatabaseUrl(`outbox_${label}`);
  migrateFreshDatabase(databaseUrl);
  const emails = await seedOutboxCustomers(databaseUrl, label, 16);
  const capture = await startCaptureServer();
  const env = storeEnv(databaseUrl, capture);
  const first = await startStore(port, env);
  let second: Awaited<ReturnType<typeof startStore>> | undefined;
  try {
    if (providerFailsFirst) await capture.setFault("error");
    const form = await readForm(request, `${first.url}/forgot-password`);
    const viaForm = emails.slice(0, 8).map((email, n) => askForReset(request, form, email, n));
    const viaApi = emails.slice(8).map((email, n) =>
      fetch(`${first.url}/api/v1/password-reset/request`, {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-Forwarded-For": `198.20.0.${n + 1}` },
        body: JSON.stringify({ email }),
      }).then((response) => ({ status: response.status, confirmed: response.status === 202 })),
    );
    const answers = await Promise.all([...viaForm, ...viaApi]);
    await first.stop("SIGKILL");
    expect(answers.map((answer) => answer.confirmed)).toEqual(emails.map(() => true));
    const db = database(databaseUrl);
    const unfinished = (await db.resetRequest.count()) + (await db.outboxEmail.count({ where: { status: { in: ["pending", "sending"] } } }));
    expect(unfinished, "work was still waiting when the store died").toBeGreaterThan(0);

    second = await startStore(port, env);
    if (providerFailsFirst) {
      // The first refusal can wait for a lease: requests the dead process had claimed are issued only once their
      // 30 s lease runs out, so allow that and one pass more.
      expect(await eventually(async () => (await capture.stats()).refused > 0, 60_000)).toBe(true);
      await capture.setFault("none");
    }
    // Requests the dead process had claimed are taken over when their lease runs out (30 s).
    expect(await eventually(async () => (await countDelivered(capture, emails)).every((count) => count >= 1), 90_000)).toBe(true);
    expect(await eventually(async () => (await db.resetRequest.count()) === 0 && (await outboxHealth(second!.url)).backlog === 0, 30_000)).toBe(true);
    expect(await countDelivered(capture, emails)).toEqual(emails.map(() => 1));
  } finally {
    await first.stop("SIGKILL");
    await second?.stop();
    await capture.stop();
  }
}

test("reset requests accepted just before a crash (SIGKILL) each get exactly one email after a restart", async ({ request }) => {
  test.setTimeout(180_000);
  await acceptThenCrash(request, { port: 3115, label: "accepted_crash", providerFailsFirst: false });
});

test("… also when the mail provider fails at first after the restart", async ({ request }) => {
  test.setTimeout(240_000);
  await acceptThenCrash(request, { port: 3116, label: "accepted_crash_outage", providerFailsFirst: true });
});

/**
 * Scans a store's log output for anything from the emails it sent: reset links, their tokens, codes, and the
 * "this wasn't me" links. Log lines may name events and ids, never those.
 */
function assertLogsHoldNoSecrets(logs: string, sample: { text: string }[], emails: string[]) {
  expect(logs.length, "the store logged something").toBeGreaterThan(0);
  expect(logs).toContain('"event":"email.retry_scheduled"');
  expect(logs).not.toMatch(/reset-password\?token=/);
  expect(logs).not.toMatch(/not-me\?token=/);
  for (const message of sample) {
    const token = /token=([A-Za-z0-9_-]{43})/.exec(message.text)?.[1];
    const code = resetCodeIn(message);
    expect(token, "the sample email has a token").toBeTruthy();
    expect(logs).not.toContain(token);
    expect(logs).not.toContain(code);
    expect(logs).not.toContain(code.replace("-", ""));
  }
  for (const email of emails) expect(logs).not.toContain(email);
}
