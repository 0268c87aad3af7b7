import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { expect, test } from "./fixtures";
import { postForm, RESET_REQUEST_ACCEPTED, resetRequestAnswer } from "./support/form-post";
import { resetLinkIn, waitForEmail } from "./support/inbox";
import { STORE_URL } from "./support/servers";

test("the emailed link is built from APP_URL, whatever Host or X-Forwarded-Host the request claims", async ({ request, shopper }) => {
  // An attacker posting the form directly controls every header; the link must still point at the shop. (With an
  // Origin of evil.example to match, the post is refused outright: bad-input.http.spec.ts.)
  const forged = { Host: "evil.example", "X-Forwarded-Host": "evil.example", "X-Forwarded-Proto": "https", Origin: STORE_URL };
  const page = await (await request.get(`${STORE_URL}/forgot-password`)).text();
  const hidden = Object.fromEntries(
    [...page.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?\/?>/g)].map((m) => [m[1], (m[2] ?? "").replaceAll("&quot;", '"')]),
  );
  const response = await request.post(`${STORE_URL}/forgot-password`, {
    multipart: { ...hidden, email: shopper.email },
    headers: forged,
    maxRedirects: 0,
  });
  expect(resetRequestAnswer(response)).toEqual(RESET_REQUEST_ACCEPTED);

  const link = new URL(resetLinkIn(await waitForEmail(shopper.email)));
  expect(link.origin).toBe(STORE_URL);
});

test("opening the link moves the token into a strict cookie and leaves a clean URL", async ({ request, shopper }) => {
  const page = await (await request.get(`${STORE_URL}/forgot-password`)).text();
  expect(page).toContain("Send reset link");
  const confirmation = await postForm(request, `${STORE_URL}/forgot-password`, { email: shopper.email });
  expect(resetRequestAnswer(confirmation)).toEqual(RESET_REQUEST_ACCEPTED);
  const link = resetLinkIn(await waitForEmail(shopper.email));

  const landing = await request.get(link, { maxRedirects: 0 });
  expect(landing.status()).toBe(303);
  const headers = landing.headers();
  expect(headers.location).toBe("/reset-password");
  expect(headers["referrer-policy"]).toBe("no-referrer");
  expect(headers["cache-control"]).toBe("no-store");
  // One cookie per language's reset page, each scoped to that page alone, so switching language keeps the grant.
  const cookies = landing.headersArray().filter(({ name }) => name.toLowerCase() === "set-cookie").map(({ value }) => value);
  expect(cookies.map((cookie) => /^([^=]+)=.*Path=([^;]+)/.exec(cookie)?.slice(1))).toEqual([
    ["reset_grant", "/reset-password"],
    ["reset_grant_de", "/de/reset-password"],
    ["reset_grant_fr", "/fr/reset-password"],
  ]);
  for (const cookie of cookies) {
    expect(cookie).toMatch(/^reset_grant(_de|_fr)?=v1\./);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toMatch(/SameSite=strict/i);
    expect(cookie).toMatch(/Max-Age=\d+/);
    expect(cookie).not.toContain(new URL(link).searchParams.get("token") ?? "no token");
    // On plain http (these tests), Secure would make browsers drop the cookie; on https it is set (unit-tested).
    expect(cookie).not.toContain("Secure");
  }

  const form = await request.get(`${STORE_URL}/reset-password`);
  expect(form.status()).toBe(200);
  expect(form.headers()["referrer-policy"]).toBe("same-origin");
  expect(form.headers()["cache-control"]).toContain("no-store");
  expect(await form.text()).toContain("Choose a new password");
});

test("a dead link is stripped from the URL too, keeping only why it can't be used", async ({ request }) => {
  const landing = await request.get(`${STORE_URL}/reset-password?token=${"A".repeat(43)}&email=a%40example.com`, { maxRedirects: 0 });
  expect(landing.status()).toBe(303);
  expect(landing.headers().location).toBe("/reset-password?link=invalid");
  expect(landing.headers()["set-cookie"]).toBeUndefined();
});

test("every page is sent with the baseline security headers", async ({ request }) => {
  for (const [path, referrerPolicy] of [
    ["/", "strict-origin-when-cross-origin"],
    ["/login", "strict-origin-when-cross-origin"],
    ["/forgot-password", "strict-origin-when-cross-origin"],
    ["/account", "strict-origin-when-cross-origin"],
    ["/reset-password", "same-origin"],
    ["/reset-password/code", "same-origin"],
    ["/account/not-me", "same-origin"],
  ] as const) {
    const response = await request.get(`${STORE_URL}${path}`, { maxRedirects: 0 });
    const headers = response.headers();
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["x-frame-options"], path).toBe("DENY");
    expect(headers["referrer-policy"], path).toBe(referrerPolicy);
    expect(headers["x-powered-by"], path).toBeUndefined();
  }
});

/** Each inline script of a page and its hash, as the browser checks it against the policy. */
function inlineScriptHashes(html: string): string[] {
  return [...html.matchAll(/<script\b(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)]
    .map((match) => match[1] ?? "")
    .filter(Boolean)
    .map((script) => `'sha256-${createHash("sha256").update(script, "utf8").digest("base64")}'`);
}

function expectStrictPolicy(policy: string, path: string) {
  expect(policy, path).not.toContain("unsafe-inline");
  expect(policy, path).not.toContain("unsafe-eval");
  expect(policy, path).toContain("frame-ancestors 'none'");
  expect(policy, path).toContain("object-src 'none'");
  expect(policy, path).toMatch(/script-src 'self' /);
}

test("pages rendered per request have a Content-Security-Policy with a fresh nonce on every script, and HSTS", async ({ request }) => {
  // /reset-password with a query that isn't the emailed link's still renders through the proxy, and so does the "not
  // found" page (app/global-not-found.tsx), in the path's language or the visitor's.
  const pages = ["/reset-password", "/reset-password?link=expired", "/account/not-me", "/de/reset-password", "/no-such-page", "/fr/no-such-page"];
  const nonces = new Set<string>();
  for (const path of pages) {
    const response = await request.get(`${STORE_URL}${path}`);
    expect(response.status(), path).toBe(path.endsWith("no-such-page") ? 404 : 200);
    const policy = response.headers()["content-security-policy"] ?? "";
    const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(policy)?.[1];
    expect(nonce, path).toBeTruthy();
    nonces.add(nonce as string);
    expectStrictPolicy(policy, path);
    expect(response.headers()["strict-transport-security"], path).toBe("max-age=63072000; includeSubDomains");
    const scripts = (await response.text()).match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length, path).toBeGreaterThan(0);
    for (const script of scripts) expect(script, path).toContain(`nonce="${nonce}"`);
  }
  expect(nonces.size, "a fresh nonce for each page").toBe(pages.length);
});

test("every page the build prerendered is served with the policy that allows exactly its inline scripts, by hash", async ({ request }) => {
  const built = JSON.parse(readFileSync(".next/static-page-csp.json", "utf8")) as { paths: string[]; policy: string };
  const pages = built.paths.filter((path) => !path.startsWith("/_"));
  // The auth pages are among them, in every language: they have nothing per request to render.
  const authPages = ["/", "/login", "/register", "/forgot-password", "/forgot-password/sent", "/reset-password/code"];
  expect(pages).toEqual(expect.arrayContaining(authPages.flatMap((path) => [path, `/de${path === "/" ? "" : path}`, `/fr${path === "/" ? "" : path}`])));
  for (const path of [...pages, "/login?notice=password-reset", "/login?returnTo=%2Faccount", "/de/login?notice=signed-out"]) {
    const response = await request.get(`${STORE_URL}${path}`);
    expect(response.status(), path).toBe(200);
    const policy = response.headers()["content-security-policy"] ?? "";
    // Served as built, not through the proxy (which would have added a nonce).
    expect(policy, path).toBe(built.policy);
    expectStrictPolicy(policy, path);
    expect(response.headers()["strict-transport-security"], path).toBe("max-age=63072000; includeSubDomains");
    const html = await response.text();
    expect(html, path).not.toContain("nonce=");
    for (const hash of inlineScriptHashes(html)) expect(policy, `${path}: ${hash}`).toContain(hash);
  }
});

test("the standalone 429 and 413 pages carry their own strict policy", async ({ request }) => {
  const tooMany = await request.get(`${STORE_URL}/too-many-attempts?retryAfter=60`);
  expect(tooMany.headers()["content-security-policy"]).toBe(
    "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  );
});
