import { expect, test } from "./fixtures";
import { type ApiAnswer, callApi, linkParts, newClientAddress } from "./support/api-client";
import { signsIn } from "./support/form-post";
import { resetCodeIn, resetLinkIn, waitForEmail, waitForEmailWithSubject } from "./support/inbox";
import { expectMatchesOpenApi, openApiDocument } from "./support/openapi";
import { STORE_URL } from "./support/servers";

// The native JSON API, used as a headless storefront would: plain fetch, the real email, and at the end a sign-in
// with the new password. Every answer is checked against the API's own OpenAPI document.

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

test("request answers a registered and an unknown address identically", async ({ shopper, newShopper }) => {
  const unknown = newShopper().email;
  expect(unknown).toHaveLength(shopper.email.length);
  const observable = (answer: ApiAnswer) => {
    const headers = Object.fromEntries(answer.headers);
    delete headers.date;
    return { status: answer.status, headers, text: answer.text };
  };
  const known = observable(await call(REQUEST, { email: shopper.email }));
  const stranger = observable(await call(REQUEST, { email: unknown }));
  expect(known.status).toBe(202);
  expect(stranger).toEqual(known);
  // Past the per-address limit, still the same.
  for (let n = 0; n < 3; n += 1) {
    expect(observable(await call(REQUEST, { email: shopper.email }))).toEqual(known);
    expect(observable(await call(REQUEST, { email: unknown }))).toEqual(known);
  }
  await waitForEmail(shopper.email, { count: 3 });
});

test("verify and complete say why a link can't be used, with the right status", async ({ shopper }) => {
  await call(REQUEST, { email: shopper.email });
  const first = linkParts(resetLinkIn(await waitForEmail(shopper.email)));
  await call(REQUEST, { email: shopper.email });
  await waitForEmail(shopper.email, { count: 2 });

  const replaced = await call(VERIFY, first);
  expect(replaced.status).toBe(410);
  expect(replaced.body).toMatchObject({ error: { code: "reset_link_superseded", message: expect.stringContaining("replaced") } });

  const unknownToken = await call(VERIFY, { email: shopper.email, token: "A".repeat(43) });
  expect(unknownToken.status).toBe(401);
  expect(unknownToken.body).toMatchObject({ error: { code: "invalid_reset_credentials" } });
  // A real token with another address is no better than an unknown one.
  const wrongEmail = await call(VERIFY, { email: "someone.else@example.com", token: first.token });
  expect(wrongEmail.body).toEqual(unknownToken.body);

  const forgedGrant = await call(COMPLETE, { grant: "v1.forged.signature", newPassword: "never gets set here" });
  expect(forgedGrant.status).toBe(401);
});

test("wrong codes are limited: after the per-client limit, a 429 with Retry-After", async () => {
  const client = newClientAddress();
  for (let attempt = 1; attempt <= 10; attempt += 1) {
    const wrong = await call(VERIFY, { email: `nobody-${attempt}@example.com`, code: "2222-2222" }, { client });
    expect(wrong.status, `attempt ${attempt}`).toBe(401);
  }
  const limited = await call(VERIFY, { email: "nobody@example.com", code: "2222-2222" }, { client });
  expect(limited.status).toBe(429);
  expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
  expect(limited.body).toMatchObject({ error: { code: "rate_limited" } });
  // A browser front end can read Retry-After too.
  const fromFrontEnd = await call(VERIFY, { email: "nobody@example.com", code: "2222-2222" }, { client, headers: { Origin: FRONT_END } });
  expect(fromFrontEnd.status).toBe(429);
  expect(fromFrontEnd.headers.get("access-control-expose-headers")).toContain("Retry-After");
});

test.describe("bad input never gets a 500, and always the one error shape", () => {
  const valid: Record<string, unknown> = {
    [REQUEST]: { email: "shopper@example.com" },
    [VERIFY]: { email: "shopper@example.com", token: "A".repeat(43) },
    [COMPLETE]: { email: "shopper@example.com", token: "A".repeat(43), newPassword: "a fine new passphrase" },
  };
  const wrongTypes: Record<string, unknown> = {
    [REQUEST]: { email: 42 },
    [VERIFY]: { email: ["a@example.com"], token: { $gt: "" } },
    [COMPLETE]: { grant: 7, newPassword: true, signOutOtherSessions: "yes" },
  };

  for (const path of [REQUEST, VERIFY, COMPLETE]) {
    test(`${path}`, async () => {
      const cases: { name: string; answer: ApiAnswer; status: number; code: string }[] = [
        { name: "wrong types", answer: await call(path, wrongTypes[path]), status: 400, code: "validation_failed" },
        { name: "missing fields", answer: await call(path, {}), status: 400, code: "validation_failed" },
        { name: "not an object", answer: await call(path, ["an", "array"]), status: 400, code: "validation_failed" },
        { name: "null", answer: await call(path, null), status: 400, code: "validation_failed" },
        { name: "malformed JSON", answer: await callApi(path, { body: '{"email": "a@', headers: { "Content-Type": "application/json" } }), status: 400, code: "malformed_json" },
        { name: "wrong content type", answer: await callApi(path, { body: "email=a%40example.com", headers: { "Content-Type": "application/x-www-form-urlencoded" } }), status: 415, code: "unsupported_media_type" },
        { name: "no content type", answer: await callApi(path, { body: JSON.stringify(valid[path]) }), status: 415, code: "unsupported_media_type" },
        { name: "a 1 MB body", answer: await callApi(path, { json: { ...(valid[path] as object), padding: "x".repeat(1024 * 1024) } }), status: 413, code: "payload_too_large" },
        { name: "GET", answer: await callApi(path, { method: "GET" }), status: 405, code: "method_not_allowed" },
        { name: "DELETE", answer: await callApi(path, { method: "DELETE" }), status: 405, code: "method_not_allowed" },
      ];
      for (const { name, answer, status, code } of cases) {
        expect(answer.status, name).toBe(status);
        expect(answer.body, name).toMatchObject({ error: { code, message: expect.any(String) } });
        expect(answer.text, name).not.toMatch(/at \S+ \(|Error:|prisma|stack/i);
        if (status !== 405) await expectMatchesOpenApi(path, "POST", answer);
      }
      const missing = cases[1]?.answer.body as { error: { fields: Record<string, string> } };
      expect(Object.keys(missing.error.fields).length, "missing fields are named").toBeGreaterThan(0);
      expect(cases[8]?.answer.headers.get("allow")).toBe("POST, OPTIONS");
    });
  }
});

test("CORS: a listed front end is let in with credentials, any other origin is refused", async () => {
  const preflight = await callApi(REQUEST, {
    method: "OPTIONS",
    headers: { Origin: FRONT_END, "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type" },
  });
  expect(preflight.status).toBe(204);
  expect(preflight.headers.get("access-control-allow-origin")).toBe(FRONT_END);
  expect(preflight.headers.get("access-control-allow-credentials")).toBe("true");
  expect(preflight.headers.get("access-control-allow-methods")).toContain("POST");
  expect(preflight.headers.get("access-control-allow-headers")?.toLowerCase()).toContain("content-type");

  const allowed = await call(REQUEST, { email: "cors@example.com" }, { headers: { Origin: FRONT_END } });
  expect(allowed.status).toBe(202);
  expect(allowed.headers.get("access-control-allow-origin")).toBe(FRONT_END);
  expect(allowed.headers.get("vary")).toContain("Origin");

  for (const origin of ["https://evil.example", "http://localhost:4201", "null"]) {
    const refusedPreflight = await callApi(REQUEST, { method: "OPTIONS", headers: { Origin: origin, "Access-Control-Request-Method": "POST" } });
    expect(refusedPreflight.status, origin).toBe(403);
    expect(refusedPreflight.headers.get("access-control-allow-origin"), origin).toBeNull();
    expect(refusedPreflight.headers.get("vary"), origin).toContain("Origin");
    const refused = await call(REQUEST, { email: "cors@example.com" }, { headers: { Origin: origin } });
    expect(refused.status, origin).toBe(403);
    expect(refused.body, origin).toMatchObject({ error: { code: "origin_not_allowed" } });
    expect(refused.headers.get("access-control-allow-origin"), origin).toBeNull();
  }
});

test("the OpenAPI document is OpenAPI 3.1 and has a readable docs page", async () => {
  const document = await openApiDocument();
  expect(document.openapi).toBe("3.1.0");
  expect(Object.keys(document.paths).sort()).toEqual([COMPLETE, REQUEST, VERIFY]);
  const docs = await fetch(`${STORE_URL}/api/v1/docs`);
  expect(docs.status).toBe(200);
  expect(docs.headers.get("content-type")).toContain("text/html");
  const page = await docs.text();
  for (const path of [REQUEST, VERIFY, COMPLETE]) expect(page).toContain(path);
  expect(page).toContain("curl -X POST");
});
