import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiAnswer, callApi } from "@/test/api-door";
import { type OpenApiDocument, openApiChecker } from "@/test/openapi-check";
import { createCustomer, deliverQueuedEmails, latestEmailTo, resetLinkIn, uniqueOrigin, useEnvironment } from "@/test/support";
import { requestPasswordReset } from "../recovery/request-password-reset";
import { openApiDocument } from "./v1/openapi";

// The HTTP contract of every JSON surface, called in process: bad input of every kind, CORS, 404 and 405, the
// shared answers, each in its surface's own shape and never a 500. The journeys through a real server (reading the
// email, completing, signing in) are the browser suite's api-*.http.spec.ts.

const REQUEST = "/api/v1/password-reset/request";
const VERIFY = "/api/v1/password-reset/verify";
const COMPLETE = "/api/v1/password-reset/complete";
const CE = "/api/v1/juniper-test/storefront";
const FRONT_END = "http://localhost:4200";
const A_TOKEN = "A".repeat(43);
const ONE_MEGABYTE = "x".repeat(1024 * 1024);

let restoreEnvironment: () => void;
beforeAll(() => {
  restoreEnvironment = useEnvironment({
    CORS_ORIGINS: FRONT_END,
    MAGENTO_API_ENABLED: "true",
    MEDUSA_API_ENABLED: "true",
    COMMERCE_ENGINE_API_ENABLED: "true",
    COMMERCE_ENGINE_PATH_PREFIX: CE,
  });
});
afterAll(() => restoreEnvironment());

function expectNoInternals(answer: ApiAnswer, name: string) {
  expect(answer.text, name).not.toMatch(/at \S+ \(|node_modules|prisma|stack/i);
  expect(answer.text, name).not.toMatch(/\b\w+Error\b/);
}

/** A live link for a new customer, issued through the core as a reset request's work would. */
async function liveLink() {
  const customer = await createCustomer();
  await requestPasswordReset({ email: customer.email }, uniqueOrigin());
  const link = new URL(resetLinkIn((await latestEmailTo(customer.email))?.text ?? ""));
  return { customer, token: link.searchParams.get("token") ?? "", email: link.searchParams.get("email") ?? "" };
}

describe("the native API", () => {
  const matchesOpenApi = openApiChecker(openApiDocument() as unknown as OpenApiDocument);
  const valid: Record<string, unknown> = {
    [REQUEST]: { email: "shopper@example.com" },
    [VERIFY]: { email: "shopper@example.com", token: A_TOKEN },
    [COMPLETE]: { email: "shopper@example.com", token: A_TOKEN, newPassword: "a fine new passphrase" },
  };
  const wrongTypes: Record<string, unknown> = {
    [REQUEST]: { email: 42 },
    [VERIFY]: { email: ["a@example.com"], token: { $gt: "" } },
    [COMPLETE]: { grant: 7, newPassword: true, signOutOtherSessions: "yes" },
  };

  for (const path of [REQUEST, VERIFY, COMPLETE]) {
    it(`refuses bad input to ${path} in the one error shape, as documented`, async () => {
      const json = { "content-type": "application/json" };
      const cases: [string, ApiAnswer, number, string][] = [
        ["wrong types", await callApi(path, { json: wrongTypes[path] }), 400, "validation_failed"],
        ["missing fields", await callApi(path, { json: {} }), 400, "validation_failed"],
        ["not an object", await callApi(path, { json: ["an", "array"] }), 400, "validation_failed"],
        ["null", await callApi(path, { json: null }), 400, "validation_failed"],
        ["malformed JSON", await callApi(path, { body: '{"email": "a@', headers: json }), 400, "malformed_json"],
        ["wrong content type", await callApi(path, { body: "email=a%40example.com", headers: { "content-type": "application/x-www-form-urlencoded" } }), 415, "unsupported_media_type"],
        ["no content type", await callApi(path, { body: JSON.stringify(valid[path]) }), 415, "unsupported_media_type"],
        ["a 1 MB body", await callApi(path, { json: { ...(valid[path] as object), padding: ONE_MEGABYTE } }), 413, "payload_too_large"],
        ["a declared 1 MB body", await callApi(path, { body: "{}", headers: { ...json, "content-length": String(1024 * 1024) } }), 413, "payload_too_large"],
        ["GET", await callApi(path, { method: "GET" }), 405, "method_not_allowed"],
        ["DELETE", await callApi(path, { method: "DELETE" }), 405, "method_not_allowed"],
      ];
      for (const [name, answer, status, code] of cases) {
        expect(answer.status, name).toBe(status);
        expect(answer.body, name).toMatchObject({ error: { code, message: expect.any(String) } });
        expect(answer.headers.get("cache-control"), name).toBe("no-store");
        expectNoInternals(answer, name);
        if (status !== 405) expect(matchesOpenApi(path, "POST", answer), name).toBeNull();
      }
      const missing = cases[1]?.[1].body as { error: { fields: Record<string, string> } };
      expect(Object.keys(missing.error.fields).length, "missing fields are named").toBeGreaterThan(0);
      expect(cases[9]?.[1].headers.get("allow")).toBe("POST, OPTIONS");
    });
  }

  it("answers an unknown path with a 404 in the same shape", async () => {
    const answer = await callApi("/api/v1/password-reset/nothing-here", { json: {} });
    expect(answer.status).toBe(404);
    expect(answer.body).toMatchObject({ error: { code: "not_found" } });
  });

  it("says why a link can't be used, with the right status", async () => {
    const first = await liveLink();
    await requestPasswordReset({ email: first.customer.email }, uniqueOrigin());
    await deliverQueuedEmails();

    const replaced = await callApi(VERIFY, { json: { email: first.email, token: first.token } });
    expect(replaced.status).toBe(410);
    expect(replaced.body).toMatchObject({ error: { code: "reset_link_superseded", message: expect.stringContaining("replaced") } });
    expect(matchesOpenApi(VERIFY, "POST", replaced)).toBeNull();

    const unknownToken = await callApi(VERIFY, { json: { email: first.email, token: A_TOKEN } });
    expect(unknownToken.status).toBe(401);
    expect(unknownToken.body).toMatchObject({ error: { code: "invalid_reset_credentials" } });
    // A real token with another address is no better than an unknown one.
    const wrongEmail = await callApi(VERIFY, { json: { email: "someone.else@example.com", token: first.token } });
    expect(wrongEmail.body).toEqual(unknownToken.body);

    const forgedGrant = await callApi(COMPLETE, { json: { grant: "v1.forged.signature", newPassword: "never gets set here" } });
    expect(forgedGrant.status).toBe(401);
    expect(matchesOpenApi(COMPLETE, "POST", forgedGrant)).toBeNull();
    const nothing = await callApi(COMPLETE, { json: { newPassword: "never gets set here" } });
    expect(nothing.status).toBe(401);
    expect(nothing.body).toMatchObject({ error: { code: "invalid_reset_credentials" } });
  });

  it("completes with the token alone, and refuses more than one proof or a code without its address", async () => {
    const ambiguous = await callApi(COMPLETE, { json: { token: A_TOKEN, grant: "v1.a.b", newPassword: "a fine new passphrase" } });
    expect(ambiguous.status).toBe(400);
    expect(ambiguous.body).toMatchObject({ error: { code: "validation_failed", fields: { body: expect.stringContaining("one proof") } } });
    const codeAlone = await callApi(COMPLETE, { json: { code: "2222-2222", newPassword: "a fine new passphrase" } });
    expect(codeAlone.status).toBe(400);
    expect(codeAlone.body).toMatchObject({ error: { code: "validation_failed", fields: { email: expect.any(String) } } });

    const { token } = await liveLink();
    const completed = await callApi(COMPLETE, { json: { token, newPassword: "set with the token alone" } });
    expect(completed.status).toBe(200);
    expect(completed.body).toEqual({ completed: true, signedOutOtherSessions: true });
    expect(matchesOpenApi(COMPLETE, "POST", completed)).toBeNull();
  });

  it("limits wrong codes per client: then a 429 with Retry-After, readable by a browser front end", async () => {
    const client = uniqueOrigin().ip;
    for (let attempt = 1; attempt <= 10; attempt += 1) {
      const wrong = await callApi(VERIFY, { json: { email: `nobody-${attempt}@example.com`, code: "2222-2222" }, client });
      expect(wrong.status, `attempt ${attempt}`).toBe(401);
    }
    const limited = await callApi(VERIFY, { json: { email: "nobody@example.com", code: "2222-2222" }, client });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(limited.body).toMatchObject({ error: { code: "rate_limited" } });
    expect(matchesOpenApi(VERIFY, "POST", limited)).toBeNull();
    const fromFrontEnd = await callApi(VERIFY, { json: { email: "nobody@example.com", code: "2222-2222" }, client, headers: { origin: FRONT_END } });
    expect(fromFrontEnd.status).toBe(429);
    expect(fromFrontEnd.headers.get("access-control-expose-headers")).toContain("Retry-After");
  });

  it("lets a listed front end in with credentials, and refuses any other origin", async () => {
    const preflight = await callApi(REQUEST, {
      method: "OPTIONS",
      headers: { origin: FRONT_END, "access-control-request-method": "POST", "access-control-request-headers": "content-type" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe(FRONT_END);
    expect(preflight.headers.get("access-control-allow-credentials")).toBe("true");
    expect(preflight.headers.get("access-control-allow-methods")).toContain("POST");
    expect(preflight.headers.get("access-control-allow-headers")?.toLowerCase()).toContain("content-type");

    const allowed = await callApi(VERIFY, { json: { email: "cors@example.com", token: A_TOKEN }, headers: { origin: FRONT_END } });
    expect(allowed.status).toBe(401);
    expect(allowed.headers.get("access-control-allow-origin")).toBe(FRONT_END);
    expect(allowed.headers.get("vary")).toContain("Origin");
    // The shop's own pages may call it without being listed.
    const ownPage = await callApi(VERIFY, { json: { email: "cors@example.com", token: A_TOKEN }, headers: { origin: "http://localhost:3000" } });
    expect(ownPage.status).toBe(401);

    for (const origin of ["https://evil.example", "http://localhost:4201", "null"]) {
      const refusedPreflight = await callApi(REQUEST, { method: "OPTIONS", headers: { origin, "access-control-request-method": "POST" } });
      expect(refusedPreflight.status, origin).toBe(403);
      expect(refusedPreflight.headers.get("access-control-allow-origin"), origin).toBeNull();
      expect(refusedPreflight.headers.get("vary"), origin).toContain("Origin");
      const refused = await callApi(REQUEST, { json: { email: "cors@example.com" }, headers: { origin } });
      expect(refused.status, origin).toBe(403);
      expect(refused.body, origin).toMatchObject({ error: { code: "origin_not_allowed" } });
      expect(refused.headers.get("access-control-allow-origin"), origin).toBeNull();
    }
  });

  it("publishes an OpenAPI 3.1 document of its three operations, and a docs page rendered from it", async () => {
    const served = await callApi("/api/v1/openapi.json", { method: "GET" });
    expect(served.status).toBe(200);
    const document = served.body as OpenApiDocument;
    expect(document.openapi).toBe("3.1.0");
    expect(Object.keys(document.paths).sort()).toEqual([COMPLETE, REQUEST, VERIFY]);
    const docs = await callApi("/api/v1/docs", { method: "GET" });
    expect(docs.status).toBe(200);
    expect(docs.headers.get("content-type")).toContain("text/html");
    for (const path of [REQUEST, VERIFY, COMPLETE]) expect(docs.text).toContain(path);
    expect(docs.text).toContain("curl -X POST");
  });
});

describe("the compatibility facades", () => {
  it("Magento: bad input gets Magento's error shape, never a 500", async () => {
    const cases: [string, ApiAnswer, number, unknown][] = [
      ["bad template", await callApi("/rest/V1/customers/password", { method: "PUT", json: { email: "a@example.com", template: "nope" } }), 400,
        { message: 'Invalid value of "%value" provided for the %fieldName field. Possible values: email_reminder or email_reset.', parameters: { value: "nope", fieldName: "template" } }],
      ["missing email", await callApi("/rest/V1/customers/password", { method: "PUT", json: { template: "email_reset" } }), 400,
        { message: '"%fieldName" is required. Enter and try again.', parameters: { fieldName: "email" } }],
      ["wrong type", await callApi("/rest/V1/customers/resetPassword", { json: { email: 5, resetToken: [], newPassword: {} } }), 400, undefined],
      ["malformed JSON", await callApi("/rest/V1/customers/resetPassword", { body: "{", headers: { "content-type": "application/json" } }), 400, undefined],
      ["wrong content type", await callApi("/rest/V1/customers/password", { method: "PUT", body: "email=a", headers: { "content-type": "text/plain" } }), 415, undefined],
      ["huge body", await callApi("/rest/V1/customers/resetPassword", { json: { email: "a@example.com", resetToken: "x", newPassword: "y".repeat(1024 * 1024) } }), 413, undefined],
      ["wrong method", await callApi("/rest/V1/customers/password", { method: "POST", json: { email: "a@example.com", template: "email_reset" } }), 405, undefined],
      ["unknown route", await callApi("/rest/V1/customers/me", { method: "GET" }), 404, { message: "Request does not match any route." }],
      ["short password", await callApi("/rest/V1/customers/resetPassword", { json: { email: "a@example.com", resetToken: "x".repeat(43), newPassword: "short" } }), 400, undefined],
      ["unknown token", await callApi(`/rest/V1/customers/0/password/resetLinkToken/${A_TOKEN}`, { method: "GET" }), 400,
        { message: "The password token is mismatched. Reset and try again." }],
      ["store code too long", await callApi(`/rest/${"s".repeat(40)}/V1/customers/password`, { method: "PUT", json: { email: "a@example.com", template: "email_reset" } }), 404, undefined],
    ];
    for (const [name, answer, status, body] of cases) {
      expect(answer.status, name).toBe(status);
      expect(answer.body, name).toMatchObject({ message: expect.any(String) });
      if (body) expect(answer.body, name).toEqual(body);
      expectNoInternals(answer, name);
    }
    expect(cases[6]?.[1].headers.get("allow")).toBe("PUT, OPTIONS");
  });

  it("Medusa: bad input and bad tokens get Medusa's error shape, never a 500", async () => {
    const cases: [string, ApiAnswer, number, string][] = [
      ["wrong type", await callApi("/auth/customer/emailpass/reset-password", { json: { identifier: 5 } }), 400, "invalid_data"],
      ["missing field", await callApi("/auth/customer/emailpass/reset-password", { json: {} }), 400, "invalid_data"],
      ["malformed JSON", await callApi("/auth/customer/emailpass/reset-password", { body: "{", headers: { "content-type": "application/json" } }), 400, "invalid_data"],
      ["wrong content type", await callApi("/auth/customer/emailpass/reset-password", { body: "x", headers: { "content-type": "text/plain" } }), 415, "invalid_data"],
      ["huge body", await callApi("/auth/customer/emailpass/reset-password", { json: { identifier: "a@example.com", pad: ONE_MEGABYTE } }), 413, "invalid_data"],
      ["no bearer token", await callApi("/auth/customer/emailpass/update", { json: { password: "a fine new passphrase" } }), 401, "unauthorized"],
      ["no bearer token, bad body", await callApi("/auth/customer/emailpass/update", { json: {} }), 401, "unauthorized"],
      ["unknown token", await callApi("/auth/customer/emailpass/update", { json: { password: "a fine new passphrase" }, headers: { authorization: `Bearer ${A_TOKEN}` } }), 401, "unauthorized"],
      ["wrong method", await callApi("/auth/customer/emailpass/update", { method: "GET" }), 405, "not_allowed"],
    ];
    for (const [name, answer, status, type] of cases) {
      expect(answer.status, name).toBe(status);
      expect(answer.body, name).toMatchObject({ type, message: expect.any(String) });
      expectNoInternals(answer, name);
    }
    expect(cases[7]?.[1].body).toEqual({ type: "unauthorized", message: "Invalid token" });
  });

  it("Commerce Engine: bad input and bad tokens get the envelope with success: false, never a 500", async () => {
    const valid = { new_password: "a fine new passphrase", confirm_password: "a fine new passphrase", otp: "2222-2222" };
    const cases: [string, ApiAnswer, number][] = [
      ["forged otp_token", await callApi(`${CE}/auth/reset-password`, { json: { ...valid, otp_token: "v1.a.b.c" } }), 401],
      ["wrong types", await callApi(`${CE}/auth/reset-password`, { json: { new_password: 1, confirm_password: [], otp_token: {}, otp: null } }), 400],
      ["confirmation differs", await callApi(`${CE}/auth/reset-password`, { json: { ...valid, confirm_password: "something else", otp_token: "x" } }), 400],
      ["missing email", await callApi(`${CE}/auth/forgot-password`, { json: {} }), 400],
      ["malformed JSON", await callApi(`${CE}/auth/forgot-password`, { body: "{", headers: { "content-type": "application/json" } }), 400],
      ["wrong content type", await callApi(`${CE}/auth/forgot-password`, { body: "x", headers: { "content-type": "text/plain" } }), 415],
      ["huge body", await callApi(`${CE}/auth/forgot-password`, { json: { email: "a@example.com", pad: ONE_MEGABYTE } }), 413],
      ["another prefix", await callApi("/api/v1/some-other-store/storefront/auth/forgot-password", { json: { email: "a@example.com" } }), 404],
    ];
    for (const [name, answer, status] of cases) {
      expect(answer.status, name).toBe(status);
      expect(answer.body, name).toMatchObject({ success: false, message: expect.any(String), code: expect.any(String) });
      expectNoInternals(answer, name);
    }
    expect(cases[0]?.[1].body).toMatchObject({ code: "invalid_reset_credentials" });
    expect(cases[2]?.[1].body).toMatchObject({ message: expect.stringContaining("don't match") });
  });

  describe("every endpoint refuses bad input with a 4xx in its own shape", () => {
    const bearer = { authorization: `Bearer ${A_TOKEN}` };
    const endpoints: { path: string; method: string; valid: Record<string, unknown>; wrongTypes: unknown; headers?: Record<string, string> }[] = [
      { path: "/rest/V1/customers/password", method: "PUT", valid: { email: "a@example.com", template: "email_reset" }, wrongTypes: { email: {}, template: 3, websiteId: [] } },
      { path: "/rest/default/V1/customers/resetPassword", method: "POST", valid: { email: "a@example.com", resetToken: "t", newPassword: "a fine new passphrase" }, wrongTypes: { email: true, resetToken: 1, newPassword: null } },
      { path: "/auth/customer/emailpass/reset-password", method: "POST", valid: { identifier: "a@example.com" }, wrongTypes: { identifier: ["a@example.com"] } },
      { path: "/auth/customer/emailpass/update", method: "POST", valid: { password: "a fine new passphrase" }, wrongTypes: { password: 12345678, email: 5 }, headers: bearer },
      { path: `${CE}/auth/forgot-password`, method: "POST", valid: { email: "a@example.com" }, wrongTypes: { email: 1 } },
      { path: `${CE}/auth/reset-password`, method: "POST", valid: { new_password: "a fine new passphrase", confirm_password: "a fine new passphrase", otp_token: "x", otp: "2222-2222" }, wrongTypes: { new_password: 1, confirm_password: {}, otp_token: [], otp: false } },
    ];
    for (const { path, method, valid, wrongTypes, headers = {} } of endpoints) {
      it(`${method} ${path}`, async () => {
        const cases: [string, ApiAnswer, number][] = [
          ["wrong types", await callApi(path, { method, json: wrongTypes, headers }), 400],
          ["missing fields", await callApi(path, { method, json: {}, headers }), 400],
          ["not an object", await callApi(path, { method, json: "just a string", headers }), 400],
          ["malformed JSON", await callApi(path, { method, body: '{"a": ', headers: { ...headers, "content-type": "application/json" } }), 400],
          ["wrong content type", await callApi(path, { method, body: JSON.stringify(valid), headers: { ...headers, "content-type": "text/plain" } }), 415],
          ["a 1 MB body", await callApi(path, { method, json: { ...valid, padding: ONE_MEGABYTE }, headers }), 413],
        ];
        for (const [name, answer, status] of cases) {
          expect(answer.status, name).toBe(status);
          expect(answer.body, name).toMatchObject({ message: expect.any(String) });
          expectNoInternals(answer, name);
        }
      });
    }
  });

  it("are off unless enabled: 404 to every method and preflight, without an Allow", async () => {
    const restore = useEnvironment({ CORS_ORIGINS: FRONT_END });
    try {
      for (const [path, method] of [
        ["/rest/V1/customers/password", "PUT"],
        ["/auth/customer/emailpass/reset-password", "POST"],
        ["/api/v1/default/storefront/auth/forgot-password", "POST"],
      ] as const) {
        const answer = await callApi(path, { method, json: { email: "a@example.com", identifier: "a@example.com", template: "email_reset" } });
        expect(answer.status, path).toBe(404);
        for (const other of ["DELETE", "OPTIONS"]) {
          const probe = await callApi(path, { method: other, headers: { origin: FRONT_END } });
          expect(probe.status, `${other} ${path}`).toBe(404);
          expect(probe.headers.get("allow"), `${other} ${path}`).toBeNull();
        }
      }
    } finally {
      restore();
    }
  });

  it("go through the same CORS rules", async () => {
    // Medusa's SDK adds its own header; an allowed origin may send it.
    const preflight = await callApi("/auth/customer/emailpass/reset-password", {
      method: "OPTIONS",
      headers: { origin: FRONT_END, "access-control-request-method": "POST", "access-control-request-headers": "content-type,x-publishable-api-key" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-headers")).toBe("content-type,x-publishable-api-key");
    expect(preflight.headers.get("allow")).toBe("POST, OPTIONS");
    const allowed = await callApi("/auth/customer/emailpass/update", { json: { password: "a fine new passphrase" }, headers: { origin: FRONT_END, ...{ authorization: `Bearer ${A_TOKEN}` } } });
    expect(allowed.status).toBe(401);
    expect(allowed.headers.get("access-control-allow-origin")).toBe(FRONT_END);
    const refused = await callApi("/rest/V1/customers/password", { method: "PUT", json: { email: "cors@example.com", template: "email_reset" }, headers: { origin: "https://evil.example" } });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ message: expect.any(String) });
    expect(refused.headers.get("access-control-allow-origin")).toBeNull();
    expect(refused.headers.get("vary")).toContain("Origin");
  });
});

describe("the shopper's language (Accept-Language)", () => {
  it("words the native API's answers in it, and says so", async () => {
    const german = { "accept-language": "de-CH,de;q=0.9,en;q=0.5" };
    const accepted = await callApi(REQUEST, { json: { email: "jemand@example.com" }, headers: german });
    expect(accepted.status).toBe(202);
    expect(accepted.body).toMatchObject({ accepted: true, message: expect.stringContaining("Falls zu dieser Adresse ein Konto gehört") });
    expect(accepted.headers.get("content-language")).toBe("de");
    expect(accepted.headers.get("vary")).toMatch(/Accept-Language/);

    const invalid = await callApi(REQUEST, { json: { email: "not-an-email" }, headers: { "accept-language": "fr-FR" } });
    expect(invalid.status).toBe(400);
    expect(invalid.body).toMatchObject({ error: { code: "validation_failed", fields: { email: "Saisissez une adresse e-mail du type nom@example.com" } } });

    const deadLink = await callApi(VERIFY, { json: { email: "jemand@example.com", token: A_TOKEN }, headers: german });
    expect(deadLink.body).toMatchObject({ error: { message: expect.stringContaining("Dieser Link zum Zurücksetzen funktioniert nicht") } });

    const anyOther = await callApi(REQUEST, { json: { email: "someone@example.com" }, headers: { "accept-language": "pt-BR" } });
    expect(anyOther.headers.get("content-language")).toBe("en");
    expect(anyOther.body).toMatchObject({ message: expect.stringContaining("If an account uses that address") });
  });

  it("mails the reset link in it, with links to that language's pages", async () => {
    const customer = await createCustomer();
    await callApi(REQUEST, { json: { email: customer.email }, headers: { "accept-language": "fr" } });
    const email = await latestEmailTo(customer.email);
    expect(email?.subject).toBe("Réinitialisez votre mot de passe Juniper Goods");
    expect(email?.text).toContain("/fr/reset-password?token=");
    expect(email?.html).toContain('lang="fr"');
  });

  it("keeps Magento's English words for Magento's clients, whatever they ask", async () => {
    const answer = await callApi("/rest/V1/customers/password", {
      method: "PUT",
      json: { email: "not-an-email", template: "email_reset" },
      headers: { "accept-language": "de" },
    });
    expect(answer.status).toBe(400);
    // Worded, and matched, as with no Accept-Language at all.
    expect(answer.body).toEqual({ message: '"%fieldName" is required. Enter and try again.', parameters: { fieldName: "email" } });
    expect(answer.headers.get("content-language")).toBe("en");
  });
});

describe("the API's own field messages", () => {
  it("are worded in the request's language too", async () => {
    const german = await callApi(VERIFY, { json: { email: "jemand@example.com" }, headers: { "accept-language": "de" } });
    expect(german.body).toMatchObject({ error: { fields: { token: "Senden Sie entweder das Token aus dem Link oder den Code aus der E-Mail" } } });
    const english = await callApi(VERIFY, { json: { email: "someone@example.com", token: "" } });
    expect(english.body).toMatchObject({ error: { fields: { token: "Enter the token from the reset link" } } });
  });
});
