import { expect, test } from "./fixtures";
import { type ApiAnswer, callApi, linkParts, newClientAddress } from "./support/api-client";
import { signsIn } from "./support/form-post";
import { resetCodeIn, resetLinkIn, waitForEmail, waitForEmailWithSubject } from "./support/inbox";
import { MAILBOX_STORE_URL, STORE_URL } from "./support/servers";

// Storefronts written against Magento 2, Medusa v2 or Commerce Engine, pointed at this store instead: their own
// paths, bodies and answers, over the same recovery core. Each journey reads the real email and ends by signing in.

/** COMMERCE_ENGINE_PATH_PREFIX of the test store (playwright.config.ts). */
const CE = "/api/v1/juniper-test/storefront";


/** What a client can observe of an answer, but the clock. */
function observable(answer: ApiAnswer) {
  const headers = Object.fromEntries(answer.headers);
  delete headers.date;
  return { status: answer.status, headers, text: answer.text };
}

/** A known and an unknown address of the same length get the same answer, also past the per-address limit. */
async function expectEqualTreatment(known: string, unknown: string, ask: (email: string) => Promise<ApiAnswer>, blank = (text: string) => text) {
  expect(unknown).toHaveLength(known.length);
  const seen = async (email: string) => {
    const answer = observable(await ask(email));
    return { ...answer, text: blank(answer.text) };
  };
  const first = await seen(known);
  for (let n = 0; n < 4; n += 1) {
    expect(await seen(unknown)).toEqual(first);
    if (n > 0) expect(await seen(known)).toEqual(first);
  }
  await waitForEmail(known, { count: 3 });
}

test.describe("Magento 2 REST", () => {
  test("a Magento storefront resets a password: PUT customers/password, validate the token, resetPassword", async ({ request, shopper }) => {
    const asked = await callApi("/rest/V1/customers/password", { method: "PUT", json: { email: shopper.email, template: "email_reset", websiteId: 1 } });
    expect(asked.status).toBe(200);
    expect(asked.body).toBe(true);

    const { token } = linkParts(resetLinkIn(await waitForEmail(shopper.email)));
    // The emailed link has no customer id: 0 means "find the customer by the token", in any store-code form.
    for (const path of [`/rest/V1/customers/0/password/resetLinkToken/${token}`, `/rest/default/V1/customers/0/password/resetLinkToken/${token}`]) {
      const validated = await callApi(path, { method: "GET" });
      expect(validated.status, path).toBe(200);
      expect(validated.body, path).toBe(true);
    }
    const otherCustomer = await callApi(`/rest/V1/customers/12345/password/resetLinkToken/${token}`, { method: "GET" });
    expect(otherCustomer.status).toBe(400);
    expect(otherCustomer.body).toEqual({ message: "The password token is mismatched. Reset and try again." });

    const reset = await callApi("/rest/all/V1/customers/resetPassword", {
      json: { email: shopper.email, resetToken: token, newPassword: "set through magento" },
    });
    expect(reset.status).toBe(200);
    expect(reset.body).toBe(true);
    await waitForEmailWithSubject(shopper.email, "Your Juniper Goods password was reset");
    expect(await signsIn(request, STORE_URL, shopper.email, "set through magento")).toBe(true);

    const again = await callApi(`/rest/V1/customers/0/password/resetLinkToken/${token}`, { method: "GET" });
    expect(again.status).toBe(400);
    expect(again.body).toEqual({ message: "The password token is mismatched. Reset and try again." });
    const replay = await callApi("/rest/V1/customers/resetPassword", { json: { email: "", resetToken: token, newPassword: "set twice through magento" } });
    expect(replay.status).toBe(400);
  });

  test("PUT customers/password answers true for a registered and an unknown address alike", async ({ shopper, newShopper }) => {
    await expectEqualTreatment(shopper.email, newShopper().email, (email) =>
      callApi("/rest/V1/customers/password", { method: "PUT", json: { email, template: "email_reset" } }),
    );
  });

  test("bad input gets Magento's error shape, never a 500", async () => {
    const cases: [string, Promise<ApiAnswer>, number, unknown][] = [
      ["bad template", callApi("/rest/V1/customers/password", { method: "PUT", json: { email: "a@example.com", template: "nope" } }), 400,
        { message: 'Invalid value of "%value" provided for the %fieldName field. Possible values: email_reminder or email_reset.', parameters: { value: "nope", fieldName: "template" } }],
      ["missing email", callApi("/rest/V1/customers/password", { method: "PUT", json: { template: "email_reset" } }), 400,
        { message: '"%fieldName" is required. Enter and try again.', parameters: { fieldName: "email" } }],
      ["wrong type", callApi("/rest/V1/customers/resetPassword", { json: { email: 5, resetToken: [], newPassword: {} } }), 400, undefined],
      ["malformed JSON", callApi("/rest/V1/customers/resetPassword", { body: "{", headers: { "Content-Type": "application/json" } }), 400, undefined],
      ["wrong content type", callApi("/rest/V1/customers/password", { method: "PUT", body: "email=a", headers: { "Content-Type": "text/plain" } }), 415, undefined],
      ["huge body", callApi("/rest/V1/customers/resetPassword", { json: { email: "a@example.com", resetToken: "x", newPassword: "y".repeat(1024 * 1024) } }), 413, undefined],
      ["wrong method", callApi("/rest/V1/customers/password", { method: "POST", json: { email: "a@example.com", template: "email_reset" } }), 405, undefined],
      ["unknown route", callApi("/rest/V1/customers/me", { method: "GET" }), 404, { message: "Request does not match any route." }],
      ["short password", callApi("/rest/V1/customers/resetPassword", { json: { email: "a@example.com", resetToken: "x".repeat(43), newPassword: "short" } }), 400, undefined],
    ];
    for (const [name, pending, status, body] of cases) {
      const answer = await pending;
      expect(answer.status, name).toBe(status);
      expect(answer.body, name).toMatchObject({ message: expect.any(String) });
      if (body) expect(answer.body, name).toEqual(body);
      expect(answer.text, name).not.toMatch(/at \S+ \(|prisma|stack/i);
    }
  });
});

test.describe("Medusa v2 auth", () => {
  test("a Medusa storefront resets a password: reset-password, then update with the token as a bearer", async ({ request, shopper }) => {
    const asked = await callApi("/auth/customer/emailpass/reset-password", { json: { identifier: shopper.email } });
    expect(asked.status).toBe(201);
    expect(asked.text).toBe("");

    const { token } = linkParts(resetLinkIn(await waitForEmail(shopper.email)));
    const updated = await callApi("/auth/customer/emailpass/update", {
      json: { password: "set through medusa" },
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toEqual({ success: true });
    expect(await signsIn(request, STORE_URL, shopper.email, "set through medusa")).toBe(true);

    const replay = await callApi("/auth/customer/emailpass/update", { json: { password: "set twice through medusa" }, headers: { Authorization: `Bearer ${token}` } });
    expect(replay.status).toBe(401);
    expect(replay.body).toEqual({ type: "unauthorized", message: "Invalid token" });
  });

  test("reset-password answers 201 for a registered and an unknown identifier alike", async ({ shopper, newShopper }) => {
    await expectEqualTreatment(shopper.email, newShopper().email, (identifier) =>
      callApi("/auth/customer/emailpass/reset-password", { json: { identifier } }),
    );
  });

  test("bad input gets Medusa's error shape, never a 500", async () => {
    const cases: [string, Promise<ApiAnswer>, number, string][] = [
      ["wrong type", callApi("/auth/customer/emailpass/reset-password", { json: { identifier: 5 } }), 400, "invalid_data"],
      ["missing field", callApi("/auth/customer/emailpass/reset-password", { json: {} }), 400, "invalid_data"],
      ["malformed JSON", callApi("/auth/customer/emailpass/reset-password", { body: "{", headers: { "Content-Type": "application/json" } }), 400, "invalid_data"],
      ["wrong content type", callApi("/auth/customer/emailpass/reset-password", { body: "x", headers: { "Content-Type": "text/plain" } }), 415, "invalid_data"],
      ["huge body", callApi("/auth/customer/emailpass/reset-password", { json: { identifier: "a@example.com", pad: "x".repeat(1024 * 1024) } }), 413, "invalid_data"],
      ["no bearer token", callApi("/auth/customer/emailpass/update", { json: { password: "a fine new passphrase" } }), 401, "unauthorized"],
      ["unknown token", callApi("/auth/customer/emailpass/update", { json: { password: "a fine new passphrase" }, headers: { Authorization: `Bearer ${"A".repeat(43)}` } }), 401, "unauthorized"],
      ["wrong method", callApi("/auth/customer/emailpass/update", { method: "GET" }), 405, "not_allowed"],
    ];
    for (const [name, pending, status, type] of cases) {
      const answer = await pending;
      expect(answer.status, name).toBe(status);
      expect(answer.body, name).toMatchObject({ type, message: expect.any(String) });
    }
  });
});

test.describe("Commerce Engine storefront auth", () => {
  test("a Commerce Engine front end resets with otp_token and the emailed code", async ({ request, shopper }) => {
    const asked = await callApi(`${CE}/auth/forgot-password`, { json: { email: shopper.email } });
    expect(asked.status).toBe(200);
    const { otp_token } = (asked.body as { content: { otp_token: string } }).content;
    expect(asked.body).toMatchObject({ success: true, message: expect.any(String), content: { otp_token: expect.any(String) } });
    const otp = resetCodeIn(await waitForEmail(shopper.email));

    const mismatch = await callApi(`${CE}/auth/reset-password`, {
      json: { new_password: "set through commerce engine", confirm_password: "something else", otp_token, otp },
    });
    expect(mismatch.status).toBe(400);
    expect(mismatch.body).toMatchObject({ success: false, message: expect.stringContaining("don't match") });

    const reset = await callApi(`${CE}/auth/reset-password`, {
      json: { new_password: "set through commerce engine", confirm_password: "set through commerce engine", otp_token, otp },
      headers: { Authorization: "Bearer an-anonymous-token-the-sdk-sends" },
    });
    expect(reset.status).toBe(200);
    expect(reset.body).toEqual({ message: expect.any(String), success: true, content: {} });
    expect(await signsIn(request, STORE_URL, shopper.email, "set through commerce engine")).toBe(true);

    const replay = await callApi(`${CE}/auth/reset-password`, {
      json: { new_password: "set twice through ce", confirm_password: "set twice through ce", otp_token, otp },
    });
    expect(replay.status).toBe(401);
    expect(replay.body).toMatchObject({ success: false });
  });

  test("forgot-password answers a registered and an unknown address alike", async ({ shopper, newShopper }) => {
    const unknown = newShopper().email;
    // Each answer carries a fresh sealed otp_token: equal in length, different in bytes, for every address.
    const blank = (text: string) => text.replace(/"otp_token":"[^"]+"/, (token) => `"otp_token":"${"x".repeat(token.length)}"`);
    await expectEqualTreatment(shopper.email, unknown, (email) => callApi(`${CE}/auth/forgot-password`, { json: { email } }), blank);
  });

  test("bad input and bad tokens get the envelope with success: false, never a 500", async () => {
    const valid = { new_password: "a fine new passphrase", confirm_password: "a fine new passphrase", otp: "2222-2222" };
    const cases: [string, Promise<ApiAnswer>, number][] = [
      ["forged otp_token", callApi(`${CE}/auth/reset-password`, { json: { ...valid, otp_token: "v1.a.b.c" } }), 401],
      ["wrong types", callApi(`${CE}/auth/reset-password`, { json: { new_password: 1, confirm_password: [], otp_token: {}, otp: null } }), 400],
      ["missing email", callApi(`${CE}/auth/forgot-password`, { json: {} }), 400],
      ["malformed JSON", callApi(`${CE}/auth/forgot-password`, { body: "{", headers: { "Content-Type": "application/json" } }), 400],
      ["wrong content type", callApi(`${CE}/auth/forgot-password`, { body: "x", headers: { "Content-Type": "text/plain" } }), 415],
      ["huge body", callApi(`${CE}/auth/forgot-password`, { json: { email: "a@example.com", pad: "x".repeat(1024 * 1024) } }), 413],
      ["another prefix", callApi("/api/v1/some-other-store/storefront/auth/forgot-password", { json: { email: "a@example.com" } }), 404],
    ];
    for (const [name, pending, status] of cases) {
      const answer = await pending;
      expect(answer.status, name).toBe(status);
      expect(answer.body, name).toMatchObject({ success: false, message: expect.any(String) });
    }
    // The real code with an otp_token issued for another address is just a wrong code.
    const issued = await callApi(`${CE}/auth/forgot-password`, { json: { email: "not-a-shopper@example.com" } });
    const { otp_token } = (issued.body as { content: { otp_token: string } }).content;
    const wrong = await callApi(`${CE}/auth/reset-password`, { json: { ...valid, otp_token } });
    expect(wrong.status).toBe(401);
  });
});

test.describe("every compatibility endpoint refuses bad input with a 4xx in its own shape, never a 500", () => {
  const bearer = { Authorization: `Bearer ${"A".repeat(43)}` };
  const endpoints: { path: string; method: string; valid: Record<string, unknown>; wrongTypes: unknown; headers?: Record<string, string> }[] = [
    { path: "/rest/V1/customers/password", method: "PUT", valid: { email: "a@example.com", template: "email_reset" }, wrongTypes: { email: {}, template: 3, websiteId: [] } },
    { path: "/rest/default/V1/customers/resetPassword", method: "POST", valid: { email: "a@example.com", resetToken: "t", newPassword: "a fine new passphrase" }, wrongTypes: { email: true, resetToken: 1, newPassword: null } },
    { path: "/auth/customer/emailpass/reset-password", method: "POST", valid: { identifier: "a@example.com" }, wrongTypes: { identifier: ["a@example.com"] } },
    { path: "/auth/customer/emailpass/update", method: "POST", valid: { password: "a fine new passphrase" }, wrongTypes: { password: 12345678, email: 5 }, headers: bearer },
    { path: `${CE}/auth/forgot-password`, method: "POST", valid: { email: "a@example.com" }, wrongTypes: { email: 1 } },
    { path: `${CE}/auth/reset-password`, method: "POST", valid: { new_password: "a fine new passphrase", confirm_password: "a fine new passphrase", otp_token: "x", otp: "2222-2222" }, wrongTypes: { new_password: 1, confirm_password: {}, otp_token: [], otp: false } },
  ];
  for (const { path, method, valid, wrongTypes, headers = {} } of endpoints) {
    test(`${method} ${path}`, async () => {
      const json = { "Content-Type": "application/json", ...headers };
      const cases: [string, Promise<ApiAnswer>, number][] = [
        ["wrong types", callApi(path, { method, json: wrongTypes, headers }), 400],
        ["missing fields", callApi(path, { method, json: {}, headers }), 400],
        ["not an object", callApi(path, { method, json: "just a string", headers }), 400],
        ["malformed JSON", callApi(path, { method, body: '{"a": ', headers: json }), 400],
        ["wrong content type", callApi(path, { method, body: JSON.stringify(valid), headers: { ...headers, "Content-Type": "text/plain" } }), 415],
        ["a 1 MB body", callApi(path, { method, json: { ...valid, padding: "x".repeat(1024 * 1024) }, headers }), 413],
      ];
      for (const [name, pending, status] of cases) {
        const answer = await pending;
        expect(answer.status, name).toBe(status);
        expect(answer.body, name).toMatchObject({ message: expect.any(String) });
        expect(answer.text, name).not.toMatch(/at \S+ \(|prisma|stack/i);
      }
    });
  }
});

test("compatibility APIs are off unless enabled: a store without them answers 404", async () => {
  for (const [path, method] of [
    ["/rest/V1/customers/password", "PUT"],
    ["/auth/customer/emailpass/reset-password", "POST"],
    ["/api/v1/default/storefront/auth/forgot-password", "POST"],
  ] as const) {
    const answer = await callApi(path, { method, json: { email: "a@example.com", identifier: "a@example.com", template: "email_reset" }, base: MAILBOX_STORE_URL });
    expect(answer.status, path).toBe(404);
    // Not even a hint that something is there: other methods and preflights get the same 404.
    for (const other of ["DELETE", "OPTIONS"]) {
      const probe = await callApi(path, { method: other, headers: { Origin: "http://localhost:4200" }, base: MAILBOX_STORE_URL });
      expect(probe.status, `${other} ${path}`).toBe(404);
      expect(probe.headers.get("allow"), `${other} ${path}`).toBeNull();
    }
  }
});

test("CORS covers the compatibility APIs too", async () => {
  const client = newClientAddress();
  // Medusa's SDK adds its own header; an allowed origin may send it.
  const preflight = await callApi("/auth/customer/emailpass/reset-password", {
    method: "OPTIONS",
    headers: { Origin: "http://localhost:4200", "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type,x-publishable-api-key" },
  });
  expect(preflight.status).toBe(204);
  expect(preflight.headers.get("access-control-allow-headers")).toBe("content-type,x-publishable-api-key");
  const allowed = await callApi("/auth/customer/emailpass/reset-password", { json: { identifier: "cors@example.com" }, headers: { Origin: "http://localhost:4200" }, client });
  expect(allowed.status).toBe(201);
  expect(allowed.headers.get("access-control-allow-origin")).toBe("http://localhost:4200");
  const refused = await callApi("/rest/V1/customers/password", { method: "PUT", json: { email: "cors@example.com", template: "email_reset" }, headers: { Origin: "https://evil.example" }, client });
  expect(refused.status).toBe(403);
  expect(refused.body).toMatchObject({ message: expect.any(String) });
  expect(refused.headers.get("access-control-allow-origin")).toBeNull();
  expect(refused.headers.get("vary")).toContain("Origin");
});
