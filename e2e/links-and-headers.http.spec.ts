import { expect, test } from "./fixtures";
import { resetLinkIn, waitForEmail } from "./support/inbox";
import { STORE_URL } from "./support/servers";

test("the emailed link is built from APP_URL, whatever Host or X-Forwarded-Host the request claims", async ({ request, shopper }) => {
  // An attacker posting the form directly controls every header; the link must still point at the shop.
  const forged = { Host: "evil.example", "X-Forwarded-Host": "evil.example", "X-Forwarded-Proto": "https", Origin: "https://evil.example" };
  const page = await (await request.get(`${STORE_URL}/forgot-password`)).text();
  const hidden = Object.fromEntries(
    [...page.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?\/?>/g)].map((m) => [m[1], (m[2] ?? "").replaceAll("&quot;", '"')]),
  );
  const response = await request.post(`${STORE_URL}/forgot-password`, {
    multipart: { ...hidden, email: shopper.email },
    headers: forged,
    maxRedirects: 0,
  });
  expect(await response.text()).toContain("Check your email");

  const link = new URL(resetLinkIn(await waitForEmail(shopper.email)));
  expect(link.origin).toBe(STORE_URL);
});

test("the reset page keeps its token out of Referer headers sent to other sites", async ({ request }) => {
  const response = await request.get(`${STORE_URL}/reset-password?token=${"A".repeat(43)}&email=a%40example.com`);
  expect(response.headers()["referrer-policy"]).toBe("same-origin");
  expect(response.headers()["cache-control"]).toContain("no-store");
});

test("every page is sent with the baseline security headers", async ({ request }) => {
  for (const path of ["/", "/login", "/forgot-password", "/reset-password", "/account"]) {
    const response = await request.get(`${STORE_URL}${path}`, { maxRedirects: 0 });
    const headers = response.headers();
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["x-frame-options"], path).toBe("DENY");
    expect(headers["referrer-policy"], path).toMatch(/^(strict-origin-when-cross-origin|same-origin)$/);
    expect(headers["x-powered-by"], path).toBeUndefined();
  }
});
