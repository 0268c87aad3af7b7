import { expect, test } from "./fixtures";
import { postForm } from "./support/form-post";
import { resetLinkIn, waitForEmail } from "./support/inbox";
import { STORE_URL } from "./support/servers";

// Over a limit, a form is answered with a redirect to a page that says how long to wait, sent as 429 with Retry-After.
// (Forgot-password is the exception: it always shows its confirmation; see enumeration.http.spec.ts.)

async function expectTooManyAttempts(response: { status(): number; headers(): Record<string, string> }, request: import("@playwright/test").APIRequestContext) {
  expect(response.status()).toBe(303);
  const location = response.headers().location ?? "";
  expect(location).toMatch(/^\/too-many-attempts\?retryAfter=\d+&from=/);
  const page = await request.get(`${STORE_URL}${location}`);
  expect(page.status()).toBe(429);
  const retryAfter = Number(page.headers()["retry-after"]);
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(15 * 60);
  expect(await page.text()).toMatch(/Please try again in \d+ minutes?\./);
}

test("signing in: 10 attempts per client and email, then a clear 429", async ({ request, shopper }) => {
  for (let attempt = 1; attempt <= 10; attempt += 1) {
    const response = await postForm(request, `${STORE_URL}/login`, { email: shopper.email, password: "wrong password" });
    expect(await response.text(), `attempt ${attempt}`).toContain("The email or password is incorrect.");
  }
  const blocked = await postForm(request, `${STORE_URL}/login`, { email: shopper.email, password: shopper.password });
  await expectTooManyAttempts(blocked, request);
});

test("entering codes: 10 per client, then a clear 429", async ({ request }) => {
  for (let attempt = 1; attempt <= 10; attempt += 1) {
    const response = await postForm(request, `${STORE_URL}/reset-password/code`, {
      email: `nobody-${attempt}@example.com`,
      code: "2222-2222",
    });
    expect(await response.text(), `attempt ${attempt}`).toContain("That code isn&#x27;t right");
  }
  const blocked = await postForm(request, `${STORE_URL}/reset-password/code`, { email: "nobody@example.com", code: "2222-2222" });
  await expectTooManyAttempts(blocked, request);
});

test("completing a reset: 5 attempts per link, then a clear 429, and the password stays", async ({ request, shopper }) => {
  await postForm(request, `${STORE_URL}/forgot-password`, { email: shopper.email });
  const link = resetLinkIn(await waitForEmail(shopper.email));
  for (let attempt = 1; attempt <= 5; attempt += 1) {
    // A password the policy refuses: each attempt reaches the check, none changes anything.
    const response = await postForm(request, link, { password: "password123", confirmPassword: "password123" });
    expect(await response.text(), `attempt ${attempt}`).toContain("one of the most common passwords");
  }
  const blocked = await postForm(request, link, { password: "a fine new passphrase", confirmPassword: "a fine new passphrase" });
  await expectTooManyAttempts(blocked, request);

  const signIn = await postForm(request, `${STORE_URL}/login`, { email: shopper.email, password: shopper.password });
  expect(signIn.status()).toBe(303);
  expect(signIn.headers().location).toBe("/account");
});

test("the 429 page stays sensible whatever its query says", async ({ request }) => {
  for (const [query, seconds] of [["retryAfter=abc", 60], ["retryAfter=-5", 1], ["retryAfter=99999999", 86400], ["", 60]] as const) {
    const page = await request.get(`${STORE_URL}/too-many-attempts?${query}&from=https://evil.example`);
    expect(page.status()).toBe(429);
    expect(page.headers()["retry-after"]).toBe(String(seconds));
    expect(await page.text()).not.toContain("evil.example");
  }
});
