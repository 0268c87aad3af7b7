import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "./fixtures";
import { postForm, readForm, RESET_REQUEST_ACCEPTED, resetRequestAnswer, signsIn, submitForm } from "./support/form-post";
import { FUZZ_PROBE_EMAIL, FUZZ_PROBE_TOKEN } from "./support/fuzz";
import { resetLinkIn, waitForEmail } from "./support/inbox";
import { PASSWORD_MIN_LENGTH, STORE_URL } from "./support/servers";

// Input no browser form would send, posted straight at the pages' server actions. Every answer is a clear page,
// never a 500 and never an internal message.

const ONE_MEGABYTE = "p".repeat(1024 * 1024);

/** A real, unused reset link for the shopper, asked for through the forgot-password form. */
async function resetLinkFor(request: APIRequestContext, email: string): Promise<string> {
  const response = await postForm(request, `${STORE_URL}/forgot-password`, { email });
  expect(resetRequestAnswer(response)).toEqual(RESET_REQUEST_ACCEPTED);
  return resetLinkIn(await waitForEmail(email));
}

function expectNoInternals(body: string) {
  expect(body).not.toMatch(/at [\w.]+ \(|node_modules|Prisma|TypeError|ZodError|Internal Server Error/);
}

test("a 1 MB password is refused before it is read, with a page that says why", async ({ request, shopper }) => {
  const resetLink = await resetLinkFor(request, shopper.email);
  for (const [page, fields] of [
    [`${STORE_URL}/register`, { name: "Big", email: "big@example.com", password: ONE_MEGABYTE }],
    [`${STORE_URL}/login`, { email: "big@example.com", password: ONE_MEGABYTE }],
    [resetLink, { password: ONE_MEGABYTE, confirmPassword: ONE_MEGABYTE }],
  ] as const) {
    const response = await postForm(request, page, fields);
    expect(response.status(), page).toBe(413);
    const body = await response.text();
    expect(body).toContain("What you entered was longer than this form accepts");
    expect(response.headers()["content-security-policy"]).toContain("default-src 'none'");
    expectNoInternals(body);
  }
  // The refused reset did not use the link up.
  expect(await (await request.get(resetLink)).text()).toContain("Choose a new password");
});

test("a password just over the limit gets the field message, not an error", async ({ request, shopper }) => {
  expect(await signsIn(request, STORE_URL, shopper.email, shopper.password)).toBe(true);
  const form = await readForm(request, `${STORE_URL}/account`, 1);
  const response = await submitForm(request, form, { currentPassword: shopper.password, password: "p".repeat(5000), confirmPassword: "p".repeat(5000) });
  expect(response.status()).toBe(200);
  expect(await response.text()).toContain("Passwords are at most 128 characters");
});

test("missing fields are explained, not crashed on", async ({ request }) => {
  for (const page of ["/register", "/login", "/forgot-password"]) {
    const response = await postForm(request, `${STORE_URL}${page}`, {});
    expect(response.status(), page).toBe(200);
    const body = await response.text();
    expect(body, page).toContain("Enter your email address");
    expectNoInternals(body);
  }
});

test("unicode and control characters get clear messages", async ({ request, shopper }) => {
  const response = await postForm(request, `${STORE_URL}/register`, { email: "ünïcødé@exämple.com" });
  expect(response.status()).toBe(200);
  expect(await response.text()).toContain("Enter an email address like name@example.com");
  expect(await signsIn(request, STORE_URL, shopper.email, shopper.password)).toBe(true);
  const form = await readForm(request, `${STORE_URL}/account`, 1);
  const changed = await submitForm(request, form, { currentPassword: shopper.password, password: "🔑🔑🔑🔑", confirmPassword: "🔑🔑🔑🔑" });
  expect(await changed.text()).toContain(`Use at least ${PASSWORD_MIN_LENGTH} characters`);
});

test("a reset submitted with a forged, tampered or missing grant is refused like a broken link", async ({ playwright, request, shopper }) => {
  const resetLink = await resetLinkFor(request, shopper.email);
  const form = await readForm(request, resetLink); // `request` now holds the real grant cookie
  const password = { password: "a perfectly good password", confirmPassword: "a perfectly good password" };
  const realGrant = (await request.storageState()).cookies.find((cookie) => cookie.name === "reset_grant")?.value ?? "";
  expect(realGrant).toMatch(/^v1\./);
  const [version, payload, signature] = realGrant.split(".");
  const forgedPayload = Buffer.from(JSON.stringify({ t: "someone-else", x: 4_000_000_000, p: "password-reset" })).toString("base64url");

  for (const [name, grant] of [
    ["forged", `${version}.${forgedPayload}.${signature}`],
    ["tampered signature", `${version}.${payload}.${"A".repeat(signature?.length ?? 43)}`],
    ["garbage", "not-a-grant"],
    ["huge", "x".repeat(3000)],
  ] as const) {
    const attacker = await playwright.request.newContext({ extraHTTPHeaders: { Cookie: `reset_grant=${grant}` } });
    const response = await submitForm(attacker, form, password);
    // Sent back to the reset page, which says why; nothing else is in the answer.
    expect(response.status(), name).toBe(303);
    expect(response.headers().location, name).toBe("/reset-password?link=invalid");
    expectNoInternals(await response.text());
    const body = await (await attacker.get(`${STORE_URL}${response.headers().location}`)).text();
    expect(body, name).toContain("This reset link doesn&#x27;t work");
    expectNoInternals(body);
    await attacker.dispose();
  }
  const withoutCookie = await playwright.request.newContext();
  const unproven = await submitForm(withoutCookie, form, password);
  expect(unproven.status()).toBe(303);
  expect(unproven.headers().location).toBe("/reset-password");
  expect(await (await withoutCookie.get(`${STORE_URL}/reset-password`)).text()).toContain("Open your reset link again");
  await withoutCookie.dispose();

  // The real grant still works.
  expect(await (await request.get(`${STORE_URL}/reset-password`)).text()).toContain("Choose a new password");
});

test("a form post from another site is refused by the server-action origin check", async ({ request }) => {
  const page = await (await request.get(`${STORE_URL}/forgot-password`)).text();
  expect(page).toContain("$ACTION_KEY");
  const response = await request.post(`${STORE_URL}/forgot-password`, {
    multipart: { email: "victim@example.com" },
    headers: { Origin: "https://evil.example" },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(403);
  expect(resetRequestAnswer(response)).not.toEqual(RESET_REQUEST_ACCEPTED);
  expectNoInternals(await response.text());
});

test("a sign-in's return path can't lead off the site, nor break the redirect", async ({ request, shopper }) => {
  const form = await readForm(request, `${STORE_URL}/login`);
  for (const returnTo of ["/\t/evil.example", "/\t\\evil.example", "/\n", "//evil.example", "https://evil.example/"]) {
    const response = await submitForm(request, form, { email: shopper.email, password: shopper.password, returnTo });
    expect(response.status(), JSON.stringify(returnTo)).toBe(303);
    expect(response.headers().location, JSON.stringify(returnTo)).toBe("/account");
  }
  const inside = await submitForm(request, form, { email: shopper.email, password: shopper.password, returnTo: "/account?tab=activity" });
  expect(inside.headers().location).toBe("/account?tab=activity");
});

test("a form post whose Host or X-Forwarded-Host disagrees with its Origin gets the normal answer, not a 500", async ({ request }) => {
  const form = await readForm(request, `${STORE_URL}/forgot-password`);
  const forgeries: Record<string, string>[] = [{ Host: "evil.example" }, { "X-Forwarded-Host": "evil.example" }, { Host: "evil.example", "X-Forwarded-Host": "other.example" }];
  for (const headers of forgeries) {
    const response = await submitForm(request, form, { email: "host-mismatch@example.com" }, headers);
    expect(resetRequestAnswer(response), JSON.stringify(headers)).toEqual(RESET_REQUEST_ACCEPTED);
  }
});

test("a malformed X-Forwarded-Proto changes nothing: the account page, signing up, signing in and out all work", async ({ playwright, shopper, newShopper }) => {
  const proto = { "X-Forwarded-Proto": "a b" };
  const client = await playwright.request.newContext({ extraHTTPHeaders: { "X-Forwarded-For": "198.18.40.1" } });
  try {
    const signUp = await submitForm(client, await readForm(client, `${STORE_URL}/register`), { email: newShopper().email }, proto);
    expect(signUp.status()).toBe(303);
    expect(signUp.headers().location).toBe("/register/sent");
    const signedIn = await submitForm(client, await readForm(client, `${STORE_URL}/login`), { email: shopper.email, password: shopper.password }, proto);
    expect(signedIn.status()).toBe(303);
    const account = await client.get(`${STORE_URL}/account`, { headers: proto, maxRedirects: 0 });
    expect(account.status()).toBe(200);
    expect(await account.text()).toContain(`<dd>${shopper.email}</dd>`);
    const signedOut = await submitForm(client, await readForm(client, `${STORE_URL}/account`), {}, proto);
    expect(signedOut.status()).toBe(303);
    expect(signedOut.headers().location).toBe("/login?notice=signed-out");
    expect((await client.get(`${STORE_URL}/account`, { maxRedirects: 0 })).status()).toBe(307);
  } finally {
    await client.dispose();
  }
});

test("a post marked as a prefetch still gets the body limit and the policy", async ({ request, shopper }) => {
  await postForm(request, `${STORE_URL}/login`, { email: shopper.email, password: shopper.password });
  const prefetches: Record<string, string>[] = [{ Purpose: "prefetch" }, { "Next-Router-Prefetch": "1" }];
  for (const prefetch of prefetches) {
    // Each page with a form (a signed-in one, prerendered ones), and /reset-password, whose form needs a grant:
    // the code page's form posted there instead. The limit applies before any action is looked at.
    for (const [page, formPage] of [["/account", "/account"], ["/login", "/login"], ["/forgot-password", "/forgot-password"], ["/reset-password", "/reset-password/code"]]) {
      const form = await readForm(request, `${STORE_URL}${formPage}`);
      const response = await submitForm(request, { ...form, url: `${STORE_URL}${page}` }, { password: ONE_MEGABYTE }, prefetch);
      expect(response.status(), `${page} ${JSON.stringify(prefetch)}`).toBe(413);
      expect(response.headers()["content-security-policy"], page).toContain("default-src 'none'");
      expectNoInternals(await response.text());
    }
  }
});

/**
 * Issue 15's fuzz matrix for the forms (the JSON doors get the same corpus in app/_server/api/api-fuzz.test.ts):
 * every form, every field, a fixed corpus of bad values under forged and malformed headers. Never a 5xx, never an
 * internal message. A form shows back what its own visitor typed (their email, to fix it), so that isn't checked
 * here; e2e/logs.scan.ts checks that no log line holds FUZZ_PROBE_EMAIL or FUZZ_PROBE_TOKEN.
 */
test("every form survives the fuzz corpus: no 5xx, no internals", async ({ playwright, shopper }) => {
  test.slow(); // a few hundred posts
  const values: [string, string][] = [
    ["empty", ""],
    ["60 KB", "v".repeat(60 * 1024)],
    ["100 KB", "v".repeat(100 * 1024)],
    ["NUL bytes", `${FUZZ_PROBE_EMAIL}\u0000${FUZZ_PROBE_TOKEN}`],
    ["CRLF injection", `${FUZZ_PROBE_EMAIL}\r\nSet-Cookie: x=1`],
    ["unicode tricks", "\u202Efuzz\u200B-probe@exa\u0301mple.com\uFEFF"],
    ["lone surrogate", "\uD800probe"],
    ["markup", `<script>alert(1)</script>"'${FUZZ_PROBE_TOKEN}`],
    ["the probes", FUZZ_PROBE_EMAIL],
  ];
  const headerCases: [string, Record<string, string>, number[]][] = [
    ["no forgery", {}, []],
    ["forged hosts and scheme", { Host: "evil.example", "X-Forwarded-Host": "evil.example", "X-Forwarded-Proto": "a b" }, []],
    ["malformed client address", { "X-Forwarded-For": "not-an-ip, <script>" }, []],
    ["an opaque origin", { Origin: "null" }, [403]],
  ];
  const client = await playwright.request.newContext({ extraHTTPHeaders: { "X-Forwarded-For": "198.18.77.1" } });
  try {
    expect(await signsIn(client, STORE_URL, shopper.email, shopper.password)).toBe(true);
    const forms: [string, PageFormRef][] = [
      ["sign-in", { page: "/login", fields: ["email", "password", "returnTo"] }],
      ["sign-up", { page: "/register", fields: ["email"] }],
      ["sign-up code", { page: "/register/code", fields: ["email", "code"] }],
      ["forgot password", { page: "/forgot-password", fields: ["email"] }],
      ["code", { page: "/reset-password/code", fields: ["email", "code"] }],
      ["change password", { page: "/account", which: 1, fields: ["currentPassword", "password", "confirmPassword", "signOutOtherSessions"] }],
      ["change email", { page: "/account", which: 2, fields: ["email", "currentPassword"] }],
    ];
    for (const [name, { page, which = 0, fields }] of forms) {
      const form = await readForm(client, `${STORE_URL}${page}`, which);
      for (const [headerCase, headers, allowed] of headerCases) {
        for (const [valueCase, value] of values) {
          const response = await submitForm(client, form, Object.fromEntries(fields.map((field) => [field, value])), headers);
          const what = `${name}: ${valueCase}, ${headerCase}`;
          if (allowed.length > 0) expect(allowed, what).toContain(response.status());
          expect(response.status(), what).toBeLessThan(500);
          expectNoInternals(await response.text());
        }
      }
    }
  } finally {
    await client.dispose();
  }
});

type PageFormRef = { page: string; which?: number; fields: string[] };
