import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  checkedPassword,
  createCustomer,
  deferredTasks,
  latestEmailTo,
  resetLinkIn,
  TEST_PASSWORD,
  uniqueEmail,
  useEnvironment,
} from "@/test/support";
import { authenticateCustomer } from "../auth/customer-accounts";
import { getDb } from "../db";
import { log } from "../log";
import { checkResetLink } from "./check-reset-link";
import { completePasswordReset } from "./complete-password-reset";
import { issuePasswordReset, requestPasswordReset } from "./request-password-reset";
import { generateResetToken, hashResetToken } from "./reset-token";

const NEW_PASSWORD = "a brand new passphrase";
const MINUTE = 60_000;

/** Requests a reset the way the pages do, runs the after-response work, and returns the emailed link's parts. */
async function requestResetLink(email: string) {
  const deferred = deferredTasks();
  await requestPasswordReset({ email }, deferred.schedule);
  await deferred.runAll();
  const message = await latestEmailTo(email);
  if (!message) throw new Error(`no email was sent to ${email}`);
  const link = resetLinkIn(message.text);
  return { link, token: link.searchParams.get("token") ?? "", email: link.searchParams.get("email") ?? "", message };
}

async function storedTokens(customerId: string) {
  return getDb().passwordResetToken.findMany({ where: { customerId }, orderBy: { createdAt: "asc" } });
}

describe("requesting a reset", () => {
  it("does nothing on the response path: the account lookup, token and email all happen after the response", async () => {
    const customer = await createCustomer();
    const deferred = deferredTasks();

    await requestPasswordReset({ email: customer.email }, deferred.schedule);

    expect(deferred.count).toBe(1);
    expect(await storedTokens(customer.id)).toHaveLength(0);
    expect(await latestEmailTo(customer.email)).toBeNull();

    await deferred.runAll();
    expect(await storedTokens(customer.id)).toHaveLength(1);
    expect(await latestEmailTo(customer.email)).not.toBeNull();
  });

  it("schedules the same work for an unknown address, which then stores and sends nothing", async () => {
    const email = uniqueEmail("nobody");
    const deferred = deferredTasks();

    await requestPasswordReset({ email }, deferred.schedule);
    expect(deferred.count).toBe(1);
    const tokensBefore = await getDb().passwordResetToken.count();
    await deferred.runAll();

    expect(await getDb().passwordResetToken.count()).toBe(tokensBefore);
    expect(await latestEmailTo(email)).toBeNull();
  });

  it("stores only the SHA-256 of a 32-byte base64url token, and emails the token in a link built from APP_URL", async () => {
    const customer = await createCustomer();
    const { link, token, email, message } = await requestResetLink(customer.email);

    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    expect(link.origin).toBe("http://localhost:3000");
    expect(link.pathname).toBe("/reset-password");
    expect(email).toBe(customer.email);

    const [stored] = await storedTokens(customer.id);
    expect(stored?.tokenHash).toBe(hashResetToken(token));
    expect(stored?.tokenHash).not.toContain(token);
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(message.html).toContain(link.toString().replaceAll("&", "&amp;"));
  });

  it("builds the link from APP_URL whatever host the request came in on", async () => {
    const restore = useEnvironment({ APP_URL: "https://shop.example.com" });
    try {
      const customer = await createCustomer();
      const { link } = await requestResetLink(customer.email);
      expect(link.origin).toBe("https://shop.example.com");
    } finally {
      restore();
    }
  });

  it("makes the link expire after RESET_TOKEN_TTL_MINUTES (30 by default)", async () => {
    const customer = await createCustomer();
    const before = Date.now();
    await requestResetLink(customer.email);
    const after = Date.now();
    const [stored] = await storedTokens(customer.id);
    // Issued somewhere between `before` and `after`, so it expires 30 minutes after a moment in that interval.
    expect(stored?.expiresAt.getTime()).toBeGreaterThanOrEqual(before + 30 * MINUTE);
    expect(stored?.expiresAt.getTime()).toBeLessThanOrEqual(after + 30 * MINUTE);

    const restore = useEnvironment({ RESET_TOKEN_TTL_MINUTES: "10" });
    try {
      const now = new Date();
      await issuePasswordReset(customer.email, now);
      const newest = (await storedTokens(customer.id)).at(-1);
      expect(newest?.expiresAt.getTime()).toBe(now.getTime() + 10 * MINUTE);
    } finally {
      restore();
    }
  });

  it("makes every older link invalid when a newer one is requested", async () => {
    const customer = await createCustomer();
    const first = await requestResetLink(customer.email);
    const second = await requestResetLink(customer.email);

    expect(await checkResetLink(first)).toEqual({ status: "superseded" });
    expect((await checkResetLink(second)).status).toBe("valid");
    expect(await completePasswordReset({ ...first, newPassword: checkedPassword(NEW_PASSWORD) })).toEqual({ status: "superseded" });
  });

  it("logs a failed send without the link or token, and doesn't throw", async () => {
    const provider = await startFailingEmailProvider();
    const restore = useEnvironment({
      RESEND_API_KEY: "re_test_failing",
      EMAIL_FROM: "Shop <no-reply@shop.example.com>",
      RESEND_BASE_URL: provider.url,
    });
    const previousBaseUrl = process.env.RESEND_BASE_URL;
    process.env.RESEND_BASE_URL = provider.url; // read by the Resend SDK itself
    const errorLog = vi.spyOn(log, "error");
    try {
      const customer = await createCustomer();
      await expect(issuePasswordReset(customer.email)).resolves.toBeUndefined();

      expect(provider.requests).toBe(1);
      expect(errorLog).toHaveBeenCalledTimes(1);
      const logged = JSON.stringify(errorLog.mock.calls);
      expect(logged).toContain("password_reset.email_failed");
      expect(logged).not.toMatch(/reset-password|token=/);
      // The token was stored before the send failed; it must not appear in the log in any form.
      const [stored] = await storedTokens(customer.id);
      expect(logged).not.toContain(stored?.tokenHash);
    } finally {
      errorLog.mockRestore();
      process.env.RESEND_BASE_URL = previousBaseUrl;
      restore();
      await provider.close();
    }
  });
});

describe("opening the emailed link", () => {
  it("checks the link without using it up, however many times it is opened", async () => {
    const customer = await createCustomer();
    const link = await requestResetLink(customer.email);

    for (let opened = 0; opened < 3; opened += 1) {
      expect(await checkResetLink(link)).toMatchObject({ status: "valid", email: customer.email });
    }
    const [stored] = await storedTokens(customer.id);
    expect(stored?.usedAt).toBeNull();
  });

  it("treats a token with another account's email exactly like an unknown token", async () => {
    const owner = await createCustomer();
    const other = await createCustomer();
    const link = await requestResetLink(owner.email);

    expect(await checkResetLink({ token: link.token, email: other.email })).toEqual({ status: "invalid" });
    expect(await checkResetLink({ token: link.token, email: uniqueEmail() })).toEqual({ status: "invalid" });
    expect(await checkResetLink({ token: generateResetToken().token, email: owner.email })).toEqual({ status: "invalid" });
  });

  it("accepts the email in any case or with stray spaces, as mail clients sometimes mangle it", async () => {
    const customer = await createCustomer();
    const link = await requestResetLink(customer.email);
    expect((await checkResetLink({ token: link.token, email: `  ${customer.email.toUpperCase()} ` })).status).toBe("valid");
  });

  it.each([
    ["missing token", { token: undefined, email: "a@example.com" }],
    ["missing email", { token: generateResetToken().token, email: undefined }],
    ["short token", { token: "abc", email: "a@example.com" }],
    ["long token", { token: `${generateResetToken().token}A`, email: "a@example.com" }],
    ["token with characters outside base64url", { token: `${"A".repeat(42)}=`, email: "a@example.com" }],
    ["non-email", { token: generateResetToken().token, email: "not an email" }],
    ["huge email", { token: generateResetToken().token, email: `${"a".repeat(1_000_000)}@example.com` }],
    ["unicode", { token: "🔑".repeat(43), email: "ß@例え.jp" }],
    ["non-string values", { token: ["a", "b"], email: { $ne: null } }],
  ])("calls a link with a %s invalid, without an error", async (_case, link) => {
    expect(await checkResetLink(link)).toEqual({ status: "invalid" });
  });

  it("reports an expired link as expired", async () => {
    const customer = await createCustomer();
    const link = await requestResetLink(customer.email);
    const [stored] = await storedTokens(customer.id);
    const expiresAt = stored?.expiresAt ?? new Date();

    expect((await checkResetLink(link, new Date(expiresAt.getTime() - 1))).status).toBe("valid");
    expect(await checkResetLink(link, expiresAt)).toEqual({ status: "expired" });
  });
});

describe("completing a reset", () => {
  it("sets the new password: the new one signs in, the old one no longer does", async () => {
    const customer = await createCustomer();
    const link = await requestResetLink(customer.email);

    expect(await completePasswordReset({ ...link, newPassword: checkedPassword(NEW_PASSWORD) })).toEqual({
      status: "completed",
      customerId: customer.id,
    });
    expect(await authenticateCustomer({ email: customer.email, password: NEW_PASSWORD })).toMatchObject({ id: customer.id });
    expect(await authenticateCustomer({ email: customer.email, password: TEST_PASSWORD })).toBeNull();
  });

  it("uses the link up: it never works again", async () => {
    const customer = await createCustomer();
    const link = await requestResetLink(customer.email);
    await completePasswordReset({ ...link, newPassword: checkedPassword(NEW_PASSWORD) });

    expect(await checkResetLink(link)).toEqual({ status: "used" });
    expect(await completePasswordReset({ ...link, newPassword: checkedPassword("yet another passphrase") })).toEqual({ status: "used" });
    expect(await authenticateCustomer({ email: customer.email, password: NEW_PASSWORD })).not.toBeNull();
    const [stored] = await storedTokens(customer.id);
    expect(stored?.usedAt).toBeInstanceOf(Date);
  });

  it("refuses an expired link and leaves the password unchanged", async () => {
    const customer = await createCustomer();
    const link = await requestResetLink(customer.email);
    const [stored] = await storedTokens(customer.id);
    const afterExpiry = new Date((stored?.expiresAt.getTime() ?? 0) + 1);

    expect(await completePasswordReset({ ...link, newPassword: checkedPassword(NEW_PASSWORD) }, afterExpiry)).toEqual({ status: "expired" });
    expect(await authenticateCustomer({ email: customer.email, password: TEST_PASSWORD })).not.toBeNull();
  });

  it("refuses a token presented with another account's email", async () => {
    const owner = await createCustomer();
    const other = await createCustomer();
    const link = await requestResetLink(owner.email);

    expect(await completePasswordReset({ token: link.token, email: other.email, newPassword: checkedPassword(NEW_PASSWORD) })).toEqual({
      status: "invalid",
    });
    expect(await authenticateCustomer({ email: other.email, password: TEST_PASSWORD })).not.toBeNull();
    expect((await checkResetLink(link)).status).toBe("valid");
  });

  it("makes every other outstanding link for the account invalid", async () => {
    const customer = await createCustomer();
    const link = await requestResetLink(customer.email);
    // A second live token, as two requests racing each other could leave behind.
    const other = generateResetToken();
    await getDb().passwordResetToken.create({
      data: { tokenHash: other.tokenHash, customerId: customer.id, expiresAt: new Date(Date.now() + 10 * MINUTE) },
    });

    await completePasswordReset({ ...link, newPassword: checkedPassword(NEW_PASSWORD) });
    expect(await checkResetLink({ token: other.token, email: customer.email })).toEqual({ status: "superseded" });
  });

  it("lets exactly one of two concurrent submissions of the same link succeed", async () => {
    const customer = await createCustomer();
    const link = await requestResetLink(customer.email);

    const results = await Promise.all([
      completePasswordReset({ ...link, newPassword: checkedPassword("first concurrent passphrase") }),
      completePasswordReset({ ...link, newPassword: checkedPassword("second concurrent passphrase") }),
    ]);

    expect(results.filter((r) => r.status === "completed")).toHaveLength(1);
    expect(results.filter((r) => r.status === "used")).toHaveLength(1);
    const winner = results[0]?.status === "completed" ? "first concurrent passphrase" : "second concurrent passphrase";
    expect(await authenticateCustomer({ email: customer.email, password: winner })).not.toBeNull();
  });

  it("lets exactly one of twenty concurrent submissions succeed", async () => {
    const customer = await createCustomer();
    const link = await requestResetLink(customer.email);

    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => completePasswordReset({ ...link, newPassword: checkedPassword(`concurrent passphrase ${i}`) })),
    );

    expect(results.filter((r) => r.status === "completed")).toHaveLength(1);
    expect(results.filter((r) => r.status === "used")).toHaveLength(19);
    const [stored] = await storedTokens(customer.id);
    expect(stored?.usedAt).toBeInstanceOf(Date);
  });
});

/** A Resend-compatible endpoint that always fails, at the network edge, as a provider outage looks to the SDK. */
async function startFailingEmailProvider() {
  let requests = 0;
  const server: Server = createServer((request, response) => {
    requests += 1;
    request.resume();
    response.writeHead(500, { "Content-Type": "application/json" });
    response.end(JSON.stringify({ name: "internal_server_error", message: "provider unavailable", statusCode: 500 }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get requests() {
      return requests;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

afterEach(() => {
  vi.restoreAllMocks();
});
