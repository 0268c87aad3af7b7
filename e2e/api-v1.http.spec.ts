import { expect, test } from "./fixtures";
import { type ApiAnswer, callApi, linkParts, newClientAddress } from "./support/api-client";
import { signsIn } from "./support/form-post";
import { resetCodeIn, resetLinkIn, waitForEmail, waitForEmailWithSubject } from "./support/inbox";
import { expectMatchesOpenApi } from "./support/openapi";
import { STORE_URL } from "./support/servers";

// The native JSON API, used as a headless storefront would: plain fetch, the real email, and at the end a sign-in
// with the new password. Every answer is checked against the OpenAPI document the store serves. Bad input, CORS
// and every error answer are app/_server/api/api-contract.test.ts; equal answers, enumeration.http.spec.ts.

const REQUEST = "/api/v1/password-reset/request";
const VERIFY = "/api/v1/password-reset/verify";
const COMPLETE = "/api/v1/password-reset/complete";
/** An origin listed in the test store's CORS_ORIGINS (playwright.config.ts). */
const FRONT_END = "http://localhost:4200";

async function call(path: string, json: unknown, extra: Parameters<typeof callApi>[1] = {}): Promise<ApiAnswer> {
  const answer = await callApi(path, { json, ...extra });
  await expectMatchesOpenApi(path, extra.method ?? "POST", answer);
  return answer;
}


test("a front end resets a password with the link: verify, exchange for a grant, complete, sign in", async ({ request, shopper }) => {
  const asked = await call(REQUEST, { email: shopper.email });
  expect(asked.status).toBe(202);
  expect(asked.body).toMatchObject({ accepted: true });

  const { token, email } = linkParts(resetLinkIn(await waitForEmail(shopper.email)));
  expect(email).toBe(shopper.email);

  // Checking the link uses nothing up, however often.
  for (let check = 0; check < 2; check += 1) {
    const verified = await call(VERIFY, { email, token });
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ valid: true });
    expect(Date.parse((verified.body as { expiresAt: string }).expiresAt)).toBeGreaterThan(Date.now());
  }

  // The front end drops the token from its URL and keeps a grant instead.
  const exchanged = await call(VERIFY, { email, token, grant: "body" });
  const { grant } = exchanged.body as { grant: string };
  expect(grant).toMatch(/^v1\./);

  const completed = await call(COMPLETE, { grant, newPassword: "api chosen passphrase" });
  expect(completed.status).toBe(200);
  expect(completed.body).toEqual({ completed: true, signedOutOtherSessions: true });
  await waitForEmailWithSubject(shopper.email, "Your Juniper Goods password was reset");

  // The link is now used, through every door.
  const again = await call(VERIFY, { email, token });
  expect(again.status).toBe(410);
  expect(again.body).toMatchObject({ error: { code: "reset_link_used" } });
  const replay = await call(COMPLETE, { grant, newPassword: "another passphrase here" });
  expect(replay.status).toBe(410);

  expect(await signsIn(request, STORE_URL, shopper.email, "api chosen passphrase")).toBe(true);
  expect(await signsIn(request, STORE_URL, shopper.email, shopper.password)).toBe(false);
});

test("a native app resets with the emailed code in one call", async ({ request, shopper }) => {
  await call(REQUEST, { email: shopper.email });
  const code = resetCodeIn(await waitForEmail(shopper.email));

  // A refused password leaves the code usable (it is checked before the code is spent)…
  const common = await call(COMPLETE, { email: shopper.email, code, newPassword: "password123" });
  expect(common.status).toBe(400);
  expect(common.body).toMatchObject({ error: { code: "validation_failed", fields: { newPassword: expect.stringContaining("common") } } });

  // …and, typed in lower case without its dash, it still works.
  const completed = await call(COMPLETE, { email: shopper.email, code: code.replace("-", "").toLowerCase(), newPassword: "typed on my phone" });
  expect(completed.status).toBe(200);
  expect(await signsIn(request, STORE_URL, shopper.email, "typed on my phone")).toBe(true);

  const reused = await call(COMPLETE, { email: shopper.email, code, newPassword: "typed on my phone again" });
  expect(reused.status).toBe(401);
  expect(reused.body).toMatchObject({ error: { code: "invalid_reset_credentials" } });
});

test("a browser front end keeps its grant in an HttpOnly cookie the API sets and clears", async ({ request, shopper }) => {
  await call(REQUEST, { email: shopper.email });
  const { token, email } = linkParts(resetLinkIn(await waitForEmail(shopper.email)));
  const client = newClientAddress();

  const exchanged = await call(VERIFY, { email, token, grant: "cookie" }, { client, headers: { Origin: FRONT_END } });
  expect(exchanged.status).toBe(200);
  expect(exchanged.body).not.toHaveProperty("grant");
  expect(exchanged.headers.get("access-control-allow-origin")).toBe(FRONT_END);
  expect(exchanged.headers.get("access-control-allow-credentials")).toBe("true");
  const setCookie = exchanged.headers.get("set-cookie") ?? "";
  expect(setCookie).toMatch(/^reset_grant=v1\./);
  expect(setCookie).toMatch(/HttpOnly/i);
  expect(setCookie).toMatch(/SameSite=strict/i);
  expect(setCookie).toMatch(/Path=\/api\/v1\/password-reset/);
  const cookie = setCookie.split(";")[0] as string;

  const completed = await call(COMPLETE, { newPassword: "set from the spa" }, { client, headers: { Origin: FRONT_END, Cookie: cookie } });
  expect(completed.status).toBe(200);
  expect(completed.headers.get("set-cookie")).toMatch(/^reset_grant=;.*Max-Age=0/i);
  expect(await signsIn(request, STORE_URL, shopper.email, "set from the spa")).toBe(true);

  // Without a cookie or any other proof, there is nothing to complete with.
  const bare = await call(COMPLETE, { newPassword: "set from the spa again" });
  expect(bare.status).toBe(401);
});
