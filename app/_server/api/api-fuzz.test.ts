import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type ApiAnswer, callApi } from "@/test/api-door";
import { useEnvironment } from "@/test/support";
import { log } from "../log";

/**
 * Issue 15's fuzz matrix for the JSON doors: every operation of the native API and of each facade, fed one fixed
 * corpus of bad input (empty, huge, wrong types, unicode tricks, NUL bytes, broken JSON, wrong content types, forged
 * and malformed headers). Whatever comes back is a 4xx or the normal answer: never a 5xx, never a stack trace, and
 * never the token or the email that was sent, in the answer or in a log line. The forms get the same corpus in
 * e2e/bad-input.http.spec.ts.
 */
const CE = "/api/v1/fuzz-store/storefront";
const PROBE_EMAIL = "fuzz-probe@example.com";
const PROBE_TOKEN = "FuzzProbeTokenFuzzProbeTokenFuzzProbeToken1";

const ENDPOINTS: { method: string; path: string; fields: string[] }[] = [
  { method: "POST", path: "/api/v1/password-reset/request", fields: ["email"] },
  { method: "POST", path: "/api/v1/password-reset/verify", fields: ["email", "token", "code", "grant"] },
  { method: "POST", path: "/api/v1/password-reset/complete", fields: ["email", "token", "code", "grant", "password"] },
  { method: "PUT", path: "/rest/V1/customers/password", fields: ["email", "template", "websiteId"] },
  { method: "GET", path: `/rest/V1/customers/1/password/resetLinkToken/${PROBE_TOKEN}`, fields: [] },
  { method: "POST", path: "/rest/default/V1/customers/resetPassword", fields: ["email", "resetToken", "newPassword"] },
  { method: "POST", path: "/auth/customer/emailpass/reset-password", fields: ["identifier"] },
  { method: "POST", path: "/auth/customer/emailpass/update", fields: ["email", "password"] },
  { method: "POST", path: `${CE}/auth/forgot-password`, fields: ["email"] },
  { method: "POST", path: `${CE}/auth/reset-password`, fields: ["new_password", "confirm_password", "otp_token", "otp"] },
];

/** Values no well-behaved client sends, each put in every field. */
const VALUES: [string, unknown][] = [
  ["empty", ""],
  ["huge", "x".repeat(200_000)],
  ["a number", 12345678],
  ["null", null],
  ["an object", { $gt: "" }],
  ["an array", [PROBE_EMAIL, PROBE_EMAIL]],
  ["NUL bytes", `${PROBE_EMAIL}\u0000${PROBE_TOKEN}`],
  ["unicode tricks", `\u202Efuzz\u200B-probe@exa\u0301mple.com\uFEFF`],
  ["lone surrogate", "\uD800probe"],
  ["the probes", PROBE_EMAIL],
  ["a token where an email goes", PROBE_TOKEN],
];

/** Bodies that aren't a JSON object of fields at all, with their content type. */
const RAW_BODIES: [string, string, string][] = [
  ["broken JSON", "application/json", `{"email": "${PROBE_EMAIL}", "token": "${PROBE_TOKEN}"`],
  ["JSON with a NUL", "application/json", `{"email":"${PROBE_EMAIL}\u0000"}`],
  ["a bare string", "application/json", JSON.stringify(PROBE_TOKEN)],
  ["deep nesting", "application/json", `${"[".repeat(5000)}${"]".repeat(5000)}`],
  ["a form body", "application/x-www-form-urlencoded", `email=${PROBE_EMAIL}&token=${PROBE_TOKEN}`],
  ["text", "text/plain", PROBE_TOKEN],
  ["no content type", "", `{"email":"${PROBE_EMAIL}"}`],
  ["a lying charset", "application/json; charset=utf-7", `{"email":"${PROBE_EMAIL}"}`],
];

/** Headers a client can forge or mangle. */
const HEADERS: [string, Record<string, string>][] = [
  ["none extra", {}],
  ["forged hosts", { host: "evil.example", "x-forwarded-host": "evil.example", "x-forwarded-proto": "a b", forwarded: "for=;;;" }],
  ["malformed client address", { "x-forwarded-for": "not-an-ip, <script>, ::::" }],
  ["hostile origin", { origin: "null" }],
  ["broken authorization", { authorization: `Bearer ${PROBE_TOKEN}, Basic ====` }],
  ["a huge cookie", { cookie: `reset_grant=${"g".repeat(8000)}` }],
];

let restoreEnvironment: () => void;
beforeAll(() => {
  restoreEnvironment = useEnvironment({
    MAGENTO_API_ENABLED: "true",
    MEDUSA_API_ENABLED: "true",
    COMMERCE_ENGINE_API_ENABLED: "true",
    COMMERCE_ENGINE_PATH_PREFIX: CE,
    // Thousands of requests from one client: its limits would only turn them into 429s sooner.
    RATE_LIMIT_RESET_REQUEST_PER_ADDRESS: "100000/15",
    RATE_LIMIT_RESET_ATTEMPT_PER_ADDRESS: "100000/15",
  });
});
afterAll(() => restoreEnvironment());

function expectSafe(answer: ApiAnswer, what: string) {
  expect(answer.status, what).toBeLessThan(500);
  expect(answer.text, what).not.toMatch(/at \S+ \(|node_modules|prisma|\bstack\b/i);
  expect(answer.text, what).not.toContain(PROBE_EMAIL);
  expect(answer.text, what).not.toContain(PROBE_TOKEN);
}

describe("every JSON door, fed the fuzz corpus", () => {
  for (const { method, path, fields } of ENDPOINTS) {
    it(`${method} ${path}`, async () => {
      const logged: string[] = [];
      for (const level of ["error", "warn", "info"] as const) {
        vi.spyOn(log, level).mockImplementation(((...args: unknown[]) => {
          logged.push(JSON.stringify(args));
        }) as never);
      }
      try {
        const body = (value: unknown) => (method === "GET" ? {} : { json: Object.fromEntries(fields.map((field) => [field, value])) });
        for (const [headerCase, headers] of HEADERS) {
          for (const [valueCase, value] of VALUES) {
            expectSafe(await callApi(path, { method, headers, ...body(value) }), `${valueCase}, ${headerCase}`);
          }
          if (method === "GET") continue;
          for (const [bodyCase, contentType, raw] of RAW_BODIES) {
            const withType = contentType ? { ...headers, "content-type": contentType } : headers;
            expectSafe(await callApi(path, { method, headers: withType, body: raw }), `${bodyCase}, ${headerCase}`);
          }
        }
        for (const line of logged) {
          expect(line).not.toContain(PROBE_EMAIL);
          expect(line).not.toContain(PROBE_TOKEN);
        }
      } finally {
        vi.restoreAllMocks();
      }
    }, 120_000);
  }
});
