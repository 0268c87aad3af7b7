import type { APIResponse } from "@playwright/test";
import { expect, test } from "./fixtures";
import { type ApiAnswer, callApi, newClientAddress } from "./support/api-client";
import { postForm } from "./support/form-post";
import { emailsTo, waitForEmail } from "./support/inbox";
import { STORE_URL } from "./support/servers";

// Nothing a client can observe may depend on whether an address has an account: not the status, the redirect, the
// headers, the cookies, the body, nor (past its limit) the throttling.

/**
 * Everything observable about a response, with the submitted address (echoed back) and the per-response CSP nonce
 * (fresh randomness on every response, like a request id) blanked out. Only the date header is dropped.
 */
async function observable(response: APIResponse, email: string) {
  const headers = { ...response.headers() };
  delete headers.date; // the clock, not the account
  const nonce = /'nonce-([^']+)'/.exec(headers["content-security-policy"] ?? "")?.[1];
  expect(nonce, "every page has a nonce").toBeTruthy();
  const blank = (text: string) => text.replaceAll(email, "<email>").replaceAll(nonce as string, "<nonce>");
  headers["content-security-policy"] = blank(headers["content-security-policy"] ?? "");
  return {
    status: response.status(),
    location: headers.location ?? null,
    setCookie: headers["set-cookie"] ?? null,
    headers,
    body: blank(await response.text()),
  };
}

test("sign-up answers a registered and a new address identically, and signs nobody in", async ({ playwright, shopper, newShopper }) => {
  const fresh = newShopper().email;
  expect(fresh).toHaveLength(shopper.email.length);

  async function ask(email: string, client: string) {
    const context = await playwright.request.newContext({ extraHTTPHeaders: { "X-Forwarded-For": client } });
    const response = await postForm(context, `${STORE_URL}/register`, { email });
    const seen = await observable(response, email);
    await context.dispose();
    return seen;
  }

  const known = await ask(shopper.email, "198.18.11.1");
  const stranger = await ask(fresh, "198.18.11.2");
  expect(known.status).toBe(303);
  expect(known.location).toBe("/register/sent");
  expect(known.setCookie).toBeNull();
  expect(stranger).toEqual(known);
  // Each address got its own email: the owner a note, the newcomer a link to finish.
  expect((await waitForEmail(shopper.email)).subject).toBe("You already have a Juniper Goods account");
  expect((await waitForEmail(fresh)).subject).toBe("Finish creating your Juniper Goods account");

  // Past the limits, still the same answer for both, and no more mail.
  for (let request = 2; request <= 4; request += 1) {
    expect(await ask(shopper.email, "198.18.11.1")).toEqual(known);
    expect(await ask(fresh, "198.18.11.2")).toEqual(known);
  }
  await expect.poll(async () => (await emailsTo(fresh)).length).toBe(3);
  await expect.poll(async () => (await emailsTo(shopper.email)).length).toBe(3);
});

test("forgot-password answers a registered and an unknown address identically", async ({ playwright, shopper, newShopper }) => {
  // Same length as the registered address, so even Content-Length has nothing to differ on.
  const unknown = newShopper().email;
  expect(unknown).toHaveLength(shopper.email.length);

  async function ask(email: string, client: string) {
    const context = await playwright.request.newContext({ extraHTTPHeaders: { "X-Forwarded-For": client } });
    const response = await postForm(context, `${STORE_URL}/forgot-password`, { email });
    const seen = await observable(response, email);
    await context.dispose();
    return seen;
  }

  const known = await ask(shopper.email, "198.18.10.1");
  const stranger = await ask(unknown, "198.18.10.2");
  // The same 303 to the same prerendered page, which can't differ for anyone.
  expect(known.status).toBe(303);
  expect(known.location).toBe("/forgot-password/sent");
  expect(known.setCookie).toBeNull();
  expect(stranger).toEqual(known);

  // Past the limit for one address from one client (3 in 15 minutes) the answer is still the same, for both.
  let knownThrottled = known;
  let strangerThrottled = stranger;
  for (let request = 2; request <= 5; request += 1) {
    knownThrottled = await ask(shopper.email, "198.18.10.1");
    strangerThrottled = await ask(unknown, "198.18.10.2");
  }
  expect(knownThrottled).toEqual(known);
  expect(strangerThrottled).toEqual(known);

  await waitForEmail(shopper.email, { count: 3 });
  expect(await emailsTo(unknown)).toEqual([]);
});

test("the code form answers a registered and an unknown address identically", async ({ playwright, shopper, newShopper }) => {
  const unknown = newShopper().email;
  const answers = [];
  for (const [email, client] of [[shopper.email, "198.18.20.1"], [unknown, "198.18.20.2"]] as const) {
    const context = await playwright.request.newContext({ extraHTTPHeaders: { "X-Forwarded-For": client } });
    const response = await postForm(context, `${STORE_URL}/reset-password/code`, { email, code: "2222-2222" });
    answers.push(await observable(response, email));
    await context.dispose();
  }
  expect(answers[0]?.body).toContain("That code isn&#x27;t right");
  expect(answers[1]).toEqual(answers[0]);
});

/** What a client can observe of an API answer, but the clock; `blank` hides what is fresh on every answer. */
function observableAnswer(answer: ApiAnswer, blank: (text: string) => string) {
  const headers = Object.fromEntries(answer.headers);
  delete headers.date;
  return { status: answer.status, headers, text: blank(answer.text) };
}

/**
 * Each JSON surface's reset request: one registered and one unknown address, each from its own client, also past
 * the limit for one address from one client.
 */
const API_REQUESTS: { surface: string; ask: (email: string, client: string) => Promise<ApiAnswer>; blank?: (text: string) => string }[] = [
  { surface: "native API", ask: (email, client) => callApi("/api/v1/password-reset/request", { json: { email }, client }) },
  {
    surface: "Magento",
    ask: (email, client) => callApi("/rest/V1/customers/password", { method: "PUT", json: { email, template: "email_reset" }, client }),
  },
  { surface: "Medusa", ask: (identifier, client) => callApi("/auth/customer/emailpass/reset-password", { json: { identifier }, client }) },
  {
    surface: "Commerce Engine",
    ask: (email, client) => callApi("/api/v1/juniper-test/storefront/auth/forgot-password", { json: { email }, client }),
    // Each answer carries a fresh sealed otp_token: equal in length, different in bytes, for every address.
    blank: (text) => text.replace(/"otp_token":"[^"]+"/, (token) => `"otp_token":"${"x".repeat(token.length)}"`),
  },
];

for (const { surface, ask, blank = (text: string) => text } of API_REQUESTS) {
  test(`the ${surface} answers a registered and an unknown address identically`, async ({ shopper, newShopper }) => {
    const unknown = newShopper().email;
    expect(unknown).toHaveLength(shopper.email.length);
    const clients = new Map([[shopper.email, newClientAddress()], [unknown, newClientAddress()]]);
    const seen = async (email: string) => observableAnswer(await ask(email, clients.get(email) as string), blank);
    const first = await seen(shopper.email);
    expect(first.status).toBeLessThan(300);
    for (let n = 0; n < 4; n += 1) {
      expect(await seen(unknown)).toEqual(first);
      if (n > 0) expect(await seen(shopper.email)).toEqual(first);
    }
    await waitForEmail(shopper.email, { count: 3 });
    expect(await emailsTo(unknown)).toEqual([]);
  });
}

test("the public health check says only up or down, whatever is queued", async ({ request, shopper }) => {
  const health = async (authorization?: string) => {
    const response = await request.get(`${STORE_URL}/api/health`, authorization ? { headers: { authorization } } : {});
    return { status: response.status(), body: await response.text() };
  };
  const before = await health();
  expect(before).toEqual({ status: 200, body: '{"status":"ok"}' });
  // A reset for a registered address becomes email (an unknown one doesn't): none of it shows.
  await callApi("/api/v1/password-reset/request", { json: { email: shopper.email } });
  for (let poll = 0; poll < 5; poll += 1) expect(await health()).toEqual(before);
  // This store sets no HEALTH_DETAILS_TOKEN, so no token unlocks anything.
  expect(await health("Bearer guess-guess-guess-guess-guess-guess")).toEqual(before);
  await waitForEmail(shopper.email);
});
