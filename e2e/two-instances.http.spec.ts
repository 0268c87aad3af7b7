import { type APIRequestContext, request as playwrightRequest } from "@playwright/test";
import { startCaptureServer } from "../test/capture-server";
import { expect, test } from "./fixtures";
import { database, seedCustomers } from "./support/database";
import { readForm, RESET_REQUEST_ACCEPTED, resetRequestAnswer, signsIn, submitForm } from "./support/form-post";
import { resetLinkIn } from "./support/inbox";
import { e2eDatabaseUrl } from "./support/servers";
import { migrateFreshDatabase, outboxHealth, type StoreProcess, startStore } from "./support/store-process";

// A store that has grown: two instances (server.mjs on the production build, as `npm start` runs it, each serving
// from two processes) behind one address, sharing one database: PostgreSQL in the suite's PostgreSQL run, one
// SQLite file in the other. Every rule that matters must hold across all four processes, because it is enforced in
// the shared database, not in a process.

type CaptureServer = Awaited<ReturnType<typeof startCaptureServer>>;

const RESET_SUBJECT = "Reset your Juniper Goods password";
const RESET_NOTICE_SUBJECT = "Your Juniper Goods password was reset";

let capture: CaptureServer;
let storeA: StoreProcess;
let storeB: StoreProcess;
const databaseUrl = e2eDatabaseUrl("two_instances");

// One store file, one pair of processes: its tests run one after another in one worker.
test.describe.configure({ mode: "default", timeout: 120_000 });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  migrateFreshDatabase(databaseUrl);
  capture = await startCaptureServer();
  const env = {
    DATABASE_URL: databaseUrl,
    RESEND_API_KEY: "re_e2e_two_instances",
    RESEND_BASE_URL: capture.url,
    EMAIL_FROM: "Juniper Goods <no-reply@juniper.example>",
    // Both are one shop: emailed links point at the first, as they would at the load balancer.
    APP_URL: SHOP_ORIGIN,
    // Room for the 20-way race below to reach the single-use check (the usual limit is 5 attempts per link).
    RATE_LIMIT_RESET_ATTEMPT_PER_LINK: "40/15",
    WEB_CONCURRENCY: "2",
  };
  storeA = await startStore(3113, env);
  storeB = await startStore(3114, env);
});

test.afterAll(async () => {
  await storeA?.stop();
  await storeB?.stop();
  await capture?.stop();
});

/**
 * What a browser sends as Origin with every form post: the shop's public origin (APP_URL), whichever instance the
 * load balancer hands the post to. Each instance refuses a post from any other origin.
 */
const SHOP_ORIGIN = "http://127.0.0.1:3113";
const VIA_THE_SHOP = { Origin: SHOP_ORIGIN };

let clientCounter = 0;
/** A client of its own (cookies, and a client address of its own for the per-address limits). */
async function newClient(): Promise<APIRequestContext> {
  clientCounter += 1;
  return playwrightRequest.newContext({ extraHTTPHeaders: { "X-Forwarded-For": `198.18.${Math.floor(clientCounter / 250)}.${(clientCounter % 250) + 1}` } });
}

async function seedCustomer(label: string, password: string): Promise<string> {
  const email = `${label}-${Date.now()}@two-instances.example`;
  await seedCustomers(databaseUrl, [email], password);
  return email;
}

/** Asks for a reset on one instance, as a browser without JavaScript does, and checks the usual confirmation. */
async function askForReset(store: StoreProcess, email: string): Promise<void> {
  const client = await newClient();
  try {
    const response = await submitForm(client, await readForm(client, `${store.url}/forgot-password`), { email }, VIA_THE_SHOP);
    expect(resetRequestAnswer(response)).toEqual(RESET_REQUEST_ACCEPTED);
  } finally {
    await client.dispose();
  }
}

async function emailsWithSubject(email: string, subject: string) {
  return (await capture.messagesTo(email)).filter((message) => message.subject === subject);
}

async function waitForResetEmail(email: string, count = 1) {
  await expect.poll(async () => (await emailsWithSubject(email, RESET_SUBJECT)).length, { timeout: 20_000 }).toBe(count);
  return (await emailsWithSubject(email, RESET_SUBJECT))[count - 1] as { text: string };
}

/** The same path on another instance: what a load balancer does when the next request goes elsewhere. */
function on(store: StoreProcess, link: string): string {
  const url = new URL(link);
  return `${store.url}${url.pathname}${url.search}`;
}

/** Signs in on one instance from a client of its own. */
async function signsInOn(store: StoreProcess, email: string, password: string): Promise<boolean> {
  const client = await newClient();
  try {
    return await signsIn(client, store.url, email, password, VIA_THE_SHOP);
  } finally {
    await client.dispose();
  }
}

test("a link used on one instance is dead on the other", async () => {
  const email = await seedCustomer("used-elsewhere", "old password before");
  await askForReset(storeA, email);
  const link = resetLinkIn((await waitForResetEmail(email)) as Parameters<typeof resetLinkIn>[0]);

  // The shopper opens the link and sets a new password on instance B.
  const shopper = await newClient();
  const completed = await submitForm(
    shopper,
    await readForm(shopper, on(storeB, link)),
    { password: "set on instance B", confirmPassword: "set on instance B" },
    VIA_THE_SHOP,
  );
  expect(completed.status()).toBe(303);
  expect(completed.headers().location).toBe("/login?notice=password-reset");
  await shopper.dispose();

  // The same link, opened on instance A, is used up.
  const replay = await newClient();
  const landed = await replay.get(on(storeA, link));
  expect(new URL(landed.url()).search).toBe("?link=used");
  expect(await landed.text()).toContain("This reset link has already been used");
  await replay.dispose();

  // And both instances agree on the password.
  for (const store of [storeA, storeB]) {
    expect(await signsInOn(store, email, "set on instance B")).toBe(true);
    expect(await signsInOn(store, email, "old password before")).toBe(false);
  }
});

test("20 concurrent completions of one link, split across both instances: exactly one succeeds", async () => {
  const email = await seedCustomer("race", "old password before");
  await askForReset(storeB, email);
  const link = resetLinkIn((await waitForResetEmail(email)) as Parameters<typeof resetLinkIn>[0]);

  // Twenty browsers open the link (opening never uses it up), ten on each instance, each getting its grant…
  const contenders = await Promise.all(
    Array.from({ length: 20 }, async (_, n) => {
      const client = await newClient();
      const store = n % 2 === 0 ? storeA : storeB;
      return { n, client, form: await readForm(client, on(store, link)) };
    }),
  );
  // …and all submit a different new password at once.
  const answers = await Promise.all(
    contenders.map(async ({ n, client, form }) => {
      const password = `contender number ${n} wins`;
      const response = await submitForm(client, form, { password, confirmPassword: password }, VIA_THE_SHOP);
      return { n, password, status: response.status(), location: response.headers().location };
    }),
  );
  await Promise.all(contenders.map(({ client }) => client.dispose()));

  const winners = answers.filter((answer) => answer.status === 303 && answer.location === "/login?notice=password-reset");
  expect(winners).toHaveLength(1);
  const losers = answers.filter((answer) => answer !== winners[0]);
  for (const loser of losers) {
    // Sent back to the reset page, which says the link was used.
    expect(loser.status, `contender ${loser.n}`).toBe(303);
    expect(loser.location, `contender ${loser.n}`).toBe("/reset-password?link=used");
  }
  const explained = await (await fetch(`${storeA.url}/reset-password?link=used`)).text();
  expect(explained).toContain("This reset link has already been used");

  // The winner's password is the one in force, on both instances; no loser's is.
  const winner = winners[0] as (typeof answers)[number];
  expect(await signsInOn(storeA, email, winner.password)).toBe(true);
  expect(await signsInOn(storeB, email, (losers[0] as (typeof answers)[number]).password)).toBe(false);
  // One completion, one "your password was reset" email.
  await expect.poll(async () => (await emailsWithSubject(email, RESET_NOTICE_SUBJECT)).length, { timeout: 20_000 }).toBe(1);
  const events = await database(databaseUrl).securityEvent.count({ where: { customer: { email }, type: "password_reset_completed" } });
  expect(events).toBe(1);
});

test("the per-email request limit (10 in 15 minutes) holds across both instances combined", async () => {
  const email = await seedCustomer("limit", "old password before");
  // Fourteen requests at once, seven to each instance, each from its own client: every one gets the confirmation…
  await Promise.all(Array.from({ length: 14 }, (_, n) => askForReset(n % 2 === 0 ? storeA : storeB, email)));

  // …and exactly ten of them were let through. The limit is decided before each response is sent; the ten
  // accepted requests are issued just after, so once ten emails have arrived no other can follow.
  await waitForResetEmail(email, 10);
  const issued = await database(databaseUrl).securityEvent.count({ where: { customer: { email }, type: "password_reset_requested" } });
  expect(issued).toBe(10);
  for (const store of [storeA, storeB]) {
    await expect.poll(async () => (await outboxHealth(store.url)).backlog, { timeout: 20_000 }).toBe(0);
  }
  expect(await emailsWithSubject(email, RESET_SUBJECT)).toHaveLength(10);
  const throttled = (storeA.output() + storeB.output()).match(/"event":"password_reset\.throttled"/g) ?? [];
  expect(throttled).toHaveLength(4);
});

test("many shoppers asking at once, across both instances, each get exactly one email", async () => {
  const emails = Array.from({ length: 24 }, (_, n) => `crowd-${n}-${Date.now()}@two-instances.example`);
  await seedCustomers(databaseUrl, emails, "old password before");
  await Promise.all(emails.map((email, n) => askForReset(n % 2 === 0 ? storeA : storeB, email)));

  // Every request is a row the moment it is answered; the four processes' workers share them out.
  await expect.poll(async () => (await Promise.all(emails.map((email) => emailsWithSubject(email, RESET_SUBJECT)))).every((sent) => sent.length >= 1), { timeout: 30_000 }).toBe(true);
  for (const store of [storeA, storeB]) {
    await expect.poll(async () => (await outboxHealth(store.url)).backlog, { timeout: 20_000 }).toBe(0);
  }
  expect(await database(databaseUrl).resetRequest.count()).toBe(0);
  expect(await Promise.all(emails.map(async (email) => (await emailsWithSubject(email, RESET_SUBJECT)).length))).toEqual(emails.map(() => 1));
});
