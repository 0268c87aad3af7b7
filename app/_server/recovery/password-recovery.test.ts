import { afterEach, describe, expect, it, vi } from "vitest";
import { startSession } from "../auth/sessions";
import {
  checkedPassword,
  codeEntry,
  createCustomer,
  deliverQueuedEmails,
  latestEmailTo,
  notMeLinkIn,
  resetCodeIn,
  resetLinkIn,
  TEST_PASSWORD,
  uniqueEmail,
  uniqueOrigin,
  useEnvironment,
} from "@/test/support";
import { authenticateCustomer } from "../auth/customer-accounts";
import type { RequestOrigin } from "../client-address";
import { getDb } from "../db";
import { completePasswordReset } from "./complete-password-reset";
import { requestPasswordReset } from "./request-password-reset";
import { issueRequestedResets } from "./reset-requests";
import { startPasswordReset } from "./start-password-reset";
import { issueResetGrant } from "./reset-grant";
import { openResetLink, redeemResetCode } from "./reset-grant-exchange";
import { type PresentedResetProof, resolveResetProof } from "./reset-proof";
import { checkResetGrant, checkResetLink, checkResetToken } from "./reset-token-checks";
import { generateSecretToken, hashSecretToken } from "./secret-token";

const NEW_PASSWORD = "a brand new passphrase";
const MINUTE = 60_000;

/** Requests a reset the way the pages do, lets the background work run, and returns what the email carries. */
async function requestResetEmail(email: string, origin: RequestOrigin = uniqueOrigin()) {
  await requestPasswordReset({ email }, origin);
  const message = await latestEmailTo(email);
  if (!message) throw new Error(`no email was sent to ${email}`);
  const link = new URL(resetLinkIn(message.text));
  return {
    link,
    token: link.searchParams.get("token") ?? "",
    email: link.searchParams.get("email") ?? "",
    code: resetCodeIn(message.text),
    message,
  };
}

async function storedTokens(customerId: string) {
  return getDb().passwordResetToken.findMany({ where: { customerId }, orderBy: { createdAt: "asc" } });
}

async function eventTypes(customerId: string) {
  const events = await getDb().securityEvent.findMany({ where: { customerId }, orderBy: { createdAt: "asc" } });
  return events.map((event) => event.type);
}

type EmailedReset = Awaited<ReturnType<typeof requestResetEmail>>;

/**
 * Completes a reset as a door does: resolves the proof, then completes with it. An emailed reset stands for its
 * link (the token and the email, as the landing page reads them).
 */
async function complete(
  proof: PresentedResetProof | EmailedReset,
  newPassword = NEW_PASSWORD,
  options: { signOutOtherSessions?: boolean; now?: Date; origin?: RequestOrigin } = {},
) {
  const presented = "message" in proof ? { token: proof.token, email: proof.email } : proof;
  const origin = options.origin ?? uniqueOrigin();
  const resolved = await resolveResetProof(presented, origin, options.now);
  return completePasswordReset(resolved, { newPassword: checkedPassword(newPassword), signOutOtherSessions: options.signOutOtherSessions ?? true }, origin, options.now);
}

async function signsIn(email: string, password: string) {
  return (await authenticateCustomer({ email, password }, uniqueOrigin())).status === "authenticated";
}

/**
 * Watches what the core asks of the database while `action` runs, in this test's process only (other test files
 * share the database, and their background work may process any request at any moment).
 */
async function watchDatabase(action: () => Promise<unknown>) {
  const db = getDb();
  const calls = {
    lookups: vi.spyOn(db.customer, "findUnique"),
    tokens: vi.spyOn(db.passwordResetToken, "create"),
    emails: vi.spyOn(db.outboxEmail, "create"),
  };
  // A request is recorded by the last statement of its transaction (1 row, or 0 when a limit kept it out).
  const transactions = vi.spyOn(db, "$transaction");
  try {
    await action();
    const results = (await Promise.all(transactions.mock.results.map((result) => result.value))) as unknown[][];
    return {
      ...Object.fromEntries(Object.entries(calls).map(([name, spy]) => [name, spy.mock.calls.length])),
      transactions: results.length,
      requests: results.filter((result) => result.at(-1) === 1).length,
    };
  } finally {
    vi.restoreAllMocks();
  }
}

afterEach(() => vi.restoreAllMocks());

describe("requesting a reset", () => {
  it("answers once one row records the request, the same for every address: no lookup, token or email", async () => {
    const customer = await createCustomer();
    const nobody = uniqueEmail("nobody");
    for (const email of [customer.email, nobody]) {
      expect(await watchDatabase(() => requestPasswordReset({ email }, uniqueOrigin())), email).toEqual({ lookups: 0, tokens: 0, emails: 0, transactions: 1, requests: 1 });
    }
    // The background work then turns the registered address's request into a link and its email.
    const message = await latestEmailTo(customer.email);
    expect(message?.subject).toBe("Reset your Juniper Goods password");
    expect(await storedTokens(customer.id)).toHaveLength(1);
    expect(await eventTypes(customer.id)).toEqual(["password_reset_requested"]);
  });

  it("keeps the request's address and client sealed, and drops an unknown address's request without a trace", async () => {
    const email = uniqueEmail("nobody");
    const origin = uniqueOrigin();
    const tokensBefore = await getDb().passwordResetToken.count();
    await requestPasswordReset({ email }, origin);
    const rows = await getDb().resetRequest.findMany();
    expect(JSON.stringify(rows)).not.toContain(email);
    expect(JSON.stringify(rows)).not.toContain(origin.ip);

    await deliverQueuedEmails();
    expect(await getDb().passwordResetToken.count()).toBe(tokensBefore);
    expect(await latestEmailTo(email)).toBeNull();
  });

  it("issues each request once, however many workers claim it at the same moment", async () => {
    const customer = await createCustomer();
    await requestPasswordReset({ email: customer.email }, uniqueOrigin());
    await Promise.all(["worker-a", "worker-b", "worker-c"].map((worker) => issueRequestedResets(worker)));
    await deliverQueuedEmails();
    expect(await storedTokens(customer.id)).toHaveLength(1);
    expect(await getDb().devMailboxMessage.count({ where: { to: customer.email } })).toBe(1);
  });

  it("stores only hashes: the SHA-256 of a 32-byte base64url token, and a keyed hash of the code", async () => {
    const customer = await createCustomer();
    const { link, token, email, code, message } = await requestResetEmail(customer.email);

    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    expect(link.origin).toBe("http://localhost:3000");
    expect(link.pathname).toBe("/reset-password");
    expect(email).toBe(customer.email);
    expect(code).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);

    const [stored] = await storedTokens(customer.id);
    expect(stored?.tokenHash).toBe(hashSecretToken(token));
    const row = JSON.stringify(stored);
    expect(row).not.toContain(token);
    expect(row).not.toContain(code.replace("-", ""));
    expect(stored?.codeHash).toBeTruthy();
    expect(message.html).toContain(link.toString().replaceAll("&", "&amp;"));
    expect(message.text).toContain("http://localhost:3000/reset-password/code");
  });

  it("builds the link from APP_URL whatever host the request came in on", async () => {
    const restore = useEnvironment({ APP_URL: "https://shop.example.com" });
    try {
      const customer = await createCustomer();
      const { link } = await requestResetEmail(customer.email);
      expect(link.origin).toBe("https://shop.example.com");
    } finally {
      restore();
    }
  });

  it("makes the link last RESET_TOKEN_TTL_MINUTES (30 by default) and the code at most 10 minutes", async () => {
    const customer = await createCustomer();
    const before = Date.now();
    await requestResetEmail(customer.email);
    const after = Date.now();
    const [stored] = await storedTokens(customer.id);
    // Issued somewhere between `before` and `after`, so it expires 30 minutes after a moment in that interval.
    expect(stored?.expiresAt.getTime()).toBeGreaterThanOrEqual(before + 30 * MINUTE);
    expect(stored?.expiresAt.getTime()).toBeLessThanOrEqual(after + 30 * MINUTE);
    expect(stored?.codeExpiresAt?.getTime()).toBeLessThanOrEqual(after + 10 * MINUTE);

    const restore = useEnvironment({ RESET_TOKEN_TTL_MINUTES: "5" });
    try {
      // The writes a worker commits for a request, at a known moment.
      const now = new Date();
      await getDb().$transaction(startPasswordReset(getDb(), customer, uniqueOrigin(), now));
      const newest = (await storedTokens(customer.id)).at(-1);
      expect(newest?.expiresAt.getTime()).toBe(now.getTime() + 5 * MINUTE);
      // A code never outlives its link.
      expect(newest?.codeExpiresAt?.getTime()).toBe(now.getTime() + 5 * MINUTE);
    } finally {
      restore();
    }
  });

  it("makes every older link and code invalid when a newer one is requested", async () => {
    const customer = await createCustomer();
    const first = await requestResetEmail(customer.email);
    const second = await requestResetEmail(customer.email);

    expect(await checkResetLink(first)).toEqual({ status: "superseded" });
    expect((await checkResetLink(second)).status).toBe("valid");
    expect(await complete(first)).toEqual({ status: "superseded" });
    expect(await redeemResetCode(codeEntry(customer.email, first.code.replace("-", "")), uniqueOrigin())).toEqual({
      status: "wrong-code",
    });
  });
});

describe("rate limits on requests", () => {
  it("records at most 3 requests per address from one client in 15 minutes, known or unknown alike", async () => {
    const known = await createCustomer();
    const unknown = uniqueEmail("nobody");
    for (const email of [known.email, unknown]) {
      const origin = uniqueOrigin();
      // The same answer every time; only the first 3 are recorded.
      const watched = await watchDatabase(async () => {
        for (let i = 0; i < 5; i += 1) expect(await requestPasswordReset({ email }, origin)).toEqual({ status: "accepted" });
      });
      expect(watched.requests, email).toBe(3);
    }
    await deliverQueuedEmails();
    expect(await getDb().devMailboxMessage.count({ where: { to: known.email } })).toBe(3);
    expect(await latestEmailTo(unknown)).toBeNull();
  });

  it("records at most 10 requests per address in 15 minutes from every client together", async () => {
    const email = uniqueEmail("nobody");
    const watched = await watchDatabase(async () => {
      for (let i = 0; i < 12; i += 1) await requestPasswordReset({ email }, uniqueOrigin());
    });
    expect(watched.requests).toBe(10);
  });

  it("doesn't let requests a client's own limits refused use up the address's budget", async () => {
    // Issue 15, finding 4: before, every request counted against the address, even one its client's limit had
    // already refused, so one client asking now and then kept a shopper from ever getting a link.
    const victim = uniqueEmail("victim");
    const attacker = uniqueOrigin();
    for (let i = 0; i < 20; i += 1) await requestPasswordReset({ email: uniqueEmail("spray") }, attacker);
    const refused = await watchDatabase(async () => {
      for (let i = 0; i < 15; i += 1) await requestPasswordReset({ email: victim }, attacker);
    });
    expect(refused.requests).toBe(0);
    const another = uniqueOrigin();
    const spent = await watchDatabase(async () => {
      for (let i = 0; i < 10; i += 1) await requestPasswordReset({ email: victim }, another);
    });
    expect(spent.requests, "one client alone stops at its own 3 for the address").toBe(3);
    const owner = await watchDatabase(() => requestPasswordReset({ email: victim }, uniqueOrigin()));
    expect(owner.requests, "the shopper's own request still gets through").toBe(1);
  });

  it("accepts at most 20 requests from one client address in 15 minutes", async () => {
    const origin = uniqueOrigin();
    const watched = await watchDatabase(async () => {
      for (let i = 0; i < 22; i += 1) await requestPasswordReset({ email: uniqueEmail("nobody") }, origin);
    });
    expect(watched.requests).toBe(20);
  });

  it("counts an IPv6 client by its /64, whichever address of it each request comes from", async () => {
    const network = `2001:db8:${Math.floor(Math.random() * 0xffff).toString(16)}:${Math.floor(Math.random() * 0xffff).toString(16)}`;
    const watched = await watchDatabase(async () => {
      for (let i = 1; i <= 22; i += 1) {
        await requestPasswordReset({ email: uniqueEmail("nobody") }, { ip: `${network}:${i.toString(16)}::1`, userAgent: "test" });
      }
    });
    expect(watched.requests).toBe(20);
  });

  it("keeps counters in the database, hashed, never the address itself", async () => {
    const email = uniqueEmail("counted");
    await requestPasswordReset({ email }, uniqueOrigin());
    const rows = await getDb().rateLimit.findMany();
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toContain(email);
  });
});

describe("opening the emailed link", () => {
  it("checks the link without using it up, however many times it is opened", async () => {
    const customer = await createCustomer();
    const link = await requestResetEmail(customer.email);

    for (let opened = 0; opened < 3; opened += 1) {
      expect(await checkResetLink(link)).toMatchObject({ status: "valid", token: { email: customer.email } });
      expect(await openResetLink(link)).toMatchObject({ status: "valid", email: customer.email });
    }
    const [stored] = await storedTokens(customer.id);
    expect(stored?.usedAt).toBeNull();
  });

  it("exchanges the link for a grant that names the same token and never outlives it", async () => {
    const customer = await createCustomer();
    const link = await requestResetEmail(customer.email);
    const opened = await openResetLink(link);
    if (opened.status !== "valid") throw new Error("expected a valid link");

    expect(opened.grant).not.toContain(link.token);
    expect(await checkResetGrant(opened.grant)).toMatchObject({ status: "valid", token: { email: customer.email } });
    const [stored] = await storedTokens(customer.id);
    expect(opened.grantExpiresAt.getTime()).toBeLessThanOrEqual(stored?.expiresAt.getTime() ?? 0);
    expect(opened.grantExpiresAt.getTime()).toBeLessThanOrEqual(Date.now() + 15 * MINUTE);
  });

  it("refuses a grant that was tampered with, forged, or has expired", async () => {
    const customer = await createCustomer();
    const opened = await openResetLink(await requestResetEmail(customer.email));
    if (opened.status !== "valid") throw new Error("expected a valid link");
    const [stored] = await storedTokens(customer.id);

    const [version, payload, signature] = opened.grant.split(".");
    const otherPayload = Buffer.from(JSON.stringify({ t: "someone-else", x: 4_000_000_000, p: "password-reset" })).toString("base64url");
    expect(await checkResetGrant(`${version}.${otherPayload}.${signature}`)).toEqual({ status: "invalid" });
    expect(await checkResetGrant(`${version}.${payload}.${"A".repeat(signature?.length ?? 43)}`)).toEqual({ status: "invalid" });
    expect(await checkResetGrant("v1.e30.x")).toEqual({ status: "invalid" });
    expect(await checkResetGrant(undefined)).toEqual({ status: "invalid" });
    expect(await checkResetGrant(opened.grant, new Date(opened.grantExpiresAt.getTime() + 1))).toEqual({ status: "expired" });
    // Signed by this server but for a token id that doesn't exist.
    expect(await checkResetGrant(issueResetGrant("no-such-token", stored?.expiresAt ?? new Date()).grant)).toEqual({ status: "invalid" });
  });

  it("treats a token with another account's email exactly like an unknown token", async () => {
    const owner = await createCustomer();
    const other = await createCustomer();
    const link = await requestResetEmail(owner.email);

    expect(await checkResetLink({ token: link.token, email: other.email })).toEqual({ status: "invalid" });
    expect(await checkResetLink({ token: link.token, email: uniqueEmail() })).toEqual({ status: "invalid" });
    expect(await checkResetLink({ token: generateSecretToken().token, email: owner.email })).toEqual({ status: "invalid" });
  });

  it("accepts the email in any case or with stray spaces, as mail clients sometimes mangle it", async () => {
    const customer = await createCustomer();
    const link = await requestResetEmail(customer.email);
    expect((await checkResetLink({ token: link.token, email: `  ${customer.email.toUpperCase()} ` })).status).toBe("valid");
  });

  it.each([
    ["missing token", { token: undefined, email: "a@example.com" }],
    ["missing email", { token: generateSecretToken().token, email: undefined }],
    ["short token", { token: "abc", email: "a@example.com" }],
    ["long token", { token: `${generateSecretToken().token}A`, email: "a@example.com" }],
    ["token with characters outside base64url", { token: `${"A".repeat(42)}=`, email: "a@example.com" }],
    ["non-email", { token: generateSecretToken().token, email: "not an email" }],
    ["huge email", { token: generateSecretToken().token, email: `${"a".repeat(1_000_000)}@example.com` }],
    ["unicode", { token: "🔑".repeat(43), email: "ß@例え.jp" }],
    ["non-string values", { token: ["a", "b"], email: { $ne: null } }],
  ])("calls a link with a %s invalid, without an error", async (_case, link) => {
    expect(await checkResetLink(link)).toEqual({ status: "invalid" });
    expect(await openResetLink(link)).toEqual({ status: "invalid" });
  });

  it("reports an expired link as expired", async () => {
    const customer = await createCustomer();
    const link = await requestResetEmail(customer.email);
    const [stored] = await storedTokens(customer.id);
    const expiresAt = stored?.expiresAt ?? new Date();

    expect((await checkResetLink(link, new Date(expiresAt.getTime() - 1))).status).toBe("valid");
    expect(await checkResetLink(link, expiresAt)).toEqual({ status: "expired" });
  });
});

describe("entering the code instead", () => {
  it("exchanges the code and email for a grant, in any case and with or without the dash", async () => {
    const customer = await createCustomer();
    const { code } = await requestResetEmail(customer.email);
    const redeemed = await redeemResetCode(codeEntry(customer.email, code.toLowerCase().replace("-", "")), uniqueOrigin());
    expect(redeemed).toMatchObject({ status: "valid", email: customer.email });
    if (redeemed.status !== "valid") return;
    expect(await checkResetGrant(redeemed.grant)).toMatchObject({ status: "valid" });
    expect(await complete({ grant: redeemed.grant })).toMatchObject({ status: "completed" });
    expect(await signsIn(customer.email, NEW_PASSWORD)).toBe(true);
  });

  it("works once", async () => {
    const customer = await createCustomer();
    const { code } = await requestResetEmail(customer.email);
    const entry = codeEntry(customer.email, code);
    expect((await redeemResetCode(entry, uniqueOrigin())).status).toBe("valid");
    expect(await redeemResetCode(entry, uniqueOrigin())).toEqual({ status: "wrong-code" });
  });

  it("stops working after 5 entries, even the right one", async () => {
    const customer = await createCustomer();
    const { code } = await requestResetEmail(customer.email);
    // The per-address rate limit (also 5) would stop a sixth entry first; lift it to see the code's own limit.
    const restore = useEnvironment({ RATE_LIMIT_RESET_ATTEMPT_PER_LINK: "100/15" });
    try {
      for (let i = 0; i < 5; i += 1) {
        expect(await redeemResetCode(codeEntry(customer.email, "22222222"), uniqueOrigin())).toEqual({ status: "wrong-code" });
      }
      expect(await redeemResetCode(codeEntry(customer.email, code), uniqueOrigin())).toEqual({ status: "wrong-code" });
    } finally {
      restore();
    }
  });

  it("counts concurrent guesses: of 12 at once, at most 5 are checked", async () => {
    const customer = await createCustomer();
    const { code } = await requestResetEmail(customer.email);
    // The per-address limit (also 5) would turn guesses away before they reach the code; lift it, so all 12 race
    // for the code's own count, which only its one conditional write keeps at 5.
    const restore = useEnvironment({ RATE_LIMIT_RESET_ATTEMPT_PER_LINK: "100/15" });
    try {
      const guesses = Array.from({ length: 12 }, (_, i) => (i === 11 ? code.replace("-", "") : "22222222"));
      await Promise.all(guesses.map((guess) => redeemResetCode(codeEntry(customer.email, guess), uniqueOrigin())));
    } finally {
      restore();
    }
    const [stored] = await storedTokens(customer.id);
    expect(stored?.codeAttempts).toBe(5);
  });

  it("does the same work for a wrong entry whether the address has a live code or none", async () => {
    // Issue 15, finding 2: the entry used to be counted by a write of its own, which changed a row (and so cost
    // more) only when a live code existed. Now one transaction counts the attempt and the entry together.
    const customer = await createCustomer();
    await requestResetEmail(customer.email);
    const db = getDb();
    const work = async (email: string) => {
      const transactions = vi.spyOn(db, "$transaction");
      const reads = vi.spyOn(db.passwordResetToken, "findFirst");
      const writes = vi.spyOn(db.passwordResetToken, "updateMany");
      try {
        expect(await redeemResetCode(codeEntry(email, "22222222"), uniqueOrigin())).toEqual({ status: "wrong-code" });
        return { transactions: transactions.mock.calls.length, reads: reads.mock.calls.length, separateWrites: writes.mock.calls.length };
      } finally {
        vi.restoreAllMocks();
      }
    };
    const withCode = await work(customer.email);
    expect(withCode).toEqual({ transactions: 1, reads: 1, separateWrites: 0 });
    expect(await work(uniqueEmail("nobody"))).toEqual(withCode);
    const [stored] = await storedTokens(customer.id);
    expect(stored?.codeAttempts, "the entry still counted against the live code").toBe(1);
  });

  it("expires after 10 minutes, while the link still works", async () => {
    const customer = await createCustomer();
    const link = await requestResetEmail(customer.email);
    const elevenMinutesLater = new Date(Date.now() + 11 * MINUTE);
    expect(await redeemResetCode(codeEntry(customer.email, link.code.replace("-", "")), uniqueOrigin(), elevenMinutesLater)).toEqual({
      status: "wrong-code",
    });
    expect((await checkResetLink(link, elevenMinutesLater)).status).toBe("valid");
  });

  it("dies with its link", async () => {
    const customer = await createCustomer();
    const link = await requestResetEmail(customer.email);
    await complete(link);
    expect(await redeemResetCode(codeEntry(customer.email, link.code.replace("-", "")), uniqueOrigin())).toEqual({
      status: "wrong-code",
    });
  });

  it("gives an unknown address the same answer as a wrong code", async () => {
    expect(await redeemResetCode(codeEntry(uniqueEmail("nobody"), "7KQ4XM2P"), uniqueOrigin())).toEqual({
      status: "wrong-code",
    });
  });

  it("limits entries per client address and per address entered", async () => {
    const origin = uniqueOrigin();
    const results = [];
    for (let i = 0; i < 11; i += 1) results.push(await redeemResetCode(codeEntry(uniqueEmail("nobody"), "22222222"), origin));
    expect(results.slice(0, 10).every((r) => r.status === "wrong-code")).toBe(true);
    expect(results[10]).toMatchObject({ status: "rate-limited" });

    const email = uniqueEmail("nobody");
    const perAddress = [];
    for (let i = 0; i < 6; i += 1) perAddress.push(await redeemResetCode({ email, code: "22222222" }, uniqueOrigin()));
    expect(perAddress[5]).toMatchObject({ status: "rate-limited" });
  });
});

describe("completing with the code in one step (the JSON API and Commerce Engine)", () => {
  const withCode = (email: string, code: string, newPassword = NEW_PASSWORD) => complete(codeEntry(email, code), newPassword);

  it("sets the password, and the code and link are used up", async () => {
    const customer = await createCustomer();
    const { code, ...link } = await requestResetEmail(customer.email);
    expect(await withCode(customer.email, code)).toMatchObject({ status: "completed", customerId: customer.id });
    expect(await signsIn(customer.email, NEW_PASSWORD)).toBe(true);
    expect(await withCode(customer.email, code, "yet another passphrase")).toEqual({ status: "wrong-code" });
    expect(await checkResetLink(link)).toEqual({ status: "used" });
  });

  it("refuses a common password before spending the code, so the code still works after", async () => {
    const customer = await createCustomer();
    const { code } = await requestResetEmail(customer.email);
    expect(await withCode(customer.email, code, "password123")).toMatchObject({ status: "password-rejected" });
    expect(await withCode(customer.email, code)).toMatchObject({ status: "completed" });
  });

  it("leaves the code usable when the account's own rule refuses the password (it is the current one)", async () => {
    const customer = await createCustomer();
    const { code } = await requestResetEmail(customer.email);
    expect(await withCode(customer.email, code, TEST_PASSWORD)).toMatchObject({ status: "password-rejected", problem: "passwordIsCurrent" });
    expect(await withCode(customer.email, code)).toMatchObject({ status: "completed" });
  });

  it("answers an unknown address like a wrong code", async () => {
    expect(await withCode(`nobody-${crypto.randomUUID()}@example.com`, "2222-2222")).toEqual({ status: "wrong-code" });
  });
});

describe("deciding which proof was presented", () => {
  it("takes exactly one proof, and the cookie's grant only when nothing else was sent", async () => {
    const customer = await createCustomer();
    const link = await requestResetEmail(customer.email);
    const opened = await openResetLink(link);
    if (opened.status !== "valid") throw new Error("expected a valid link");
    const resolve = (presented: PresentedResetProof) => resolveResetProof(presented, uniqueOrigin());

    expect(await resolve({ cookieGrant: opened.grant })).toMatchObject({ status: "valid", fromCookie: true, token: { customerId: customer.id } });
    // What the request itself carries wins over the cookie, even when it is worse.
    expect(await resolve({ grant: "v1.forged.grant", cookieGrant: opened.grant })).toEqual({ status: "invalid", fromCookie: false });
    expect(await resolve({ token: link.token, email: link.email, cookieGrant: "v1.forged.grant" })).toMatchObject({ status: "valid", fromCookie: false });
    expect(await resolve({ token: link.token, grant: opened.grant })).toEqual({ status: "proof-ambiguous", fromCookie: false });
    expect(await resolve({ code: "22222222" })).toEqual({ status: "email-missing", fromCookie: false });
    expect(await resolve({ email: customer.email })).toEqual({ status: "proof-missing", fromCookie: false });
  });
});

describe("the token alone (compatibility APIs whose clients don't send the email)", () => {
  it("finds the link by its token, and reports it used once it is", async () => {
    const customer = await createCustomer();
    const link = await requestResetEmail(customer.email);
    expect(await checkResetToken(link.token)).toMatchObject({ status: "valid", token: { customerId: customer.id } });
    expect(await complete({ token: link.token })).toMatchObject({ status: "completed" });
    expect(await checkResetToken(link.token)).toEqual({ status: "used" });
    expect(await checkResetToken("A".repeat(43))).toEqual({ status: "invalid" });
    expect(await checkResetToken({ not: "a token" })).toEqual({ status: "invalid" });
  });
});

describe("completing a reset", () => {
  it("sets the new password: the new one signs in, the old one no longer does", async () => {
    const customer = await createCustomer();
    const link = await requestResetEmail(customer.email);

    expect(await complete(link)).toEqual({ status: "completed", customerId: customer.id, email: customer.email });
    expect(await signsIn(customer.email, NEW_PASSWORD)).toBe(true);
    expect(await signsIn(customer.email, TEST_PASSWORD)).toBe(false);
  });

  it("works with the grant from opening the link", async () => {
    const customer = await createCustomer();
    const opened = await openResetLink(await requestResetEmail(customer.email));
    if (opened.status !== "valid") throw new Error("expected a valid link");
    expect(await complete({ grant: opened.grant })).toMatchObject({ status: "completed" });
    expect(await checkResetGrant(opened.grant)).toEqual({ status: "used" });
  });

  it("uses the link up: it never works again", async () => {
    const customer = await createCustomer();
    const link = await requestResetEmail(customer.email);
    await complete(link);

    expect(await checkResetLink(link)).toEqual({ status: "used" });
    expect(await complete(link, "yet another passphrase")).toEqual({ status: "used" });
    expect(await signsIn(customer.email, NEW_PASSWORD)).toBe(true);
    const [stored] = await storedTokens(customer.id);
    expect(stored?.usedAt).toBeInstanceOf(Date);
  });

  it("refuses an expired link and leaves the password unchanged", async () => {
    const customer = await createCustomer();
    const link = await requestResetEmail(customer.email);
    const [stored] = await storedTokens(customer.id);
    const afterExpiry = new Date((stored?.expiresAt.getTime() ?? 0) + 1);

    expect(await complete(link, NEW_PASSWORD, { now: afterExpiry })).toEqual({ status: "expired" });
    expect(await signsIn(customer.email, TEST_PASSWORD)).toBe(true);
  });

  it("refuses a token presented with another account's email", async () => {
    const owner = await createCustomer();
    const other = await createCustomer();
    const link = await requestResetEmail(owner.email);

    expect(await complete({ token: link.token, email: other.email })).toEqual({ status: "invalid" });
    expect(await signsIn(other.email, TEST_PASSWORD)).toBe(true);
    expect((await checkResetLink(link)).status).toBe("valid");
  });

  it.each([
    ["a common password", "password123", "passwordCommon"],
    ["the email's name", "{local}-rocks-2026", "passwordContainsEmail"],
    ["the current password", TEST_PASSWORD, "passwordIsCurrent"],
  ])("refuses %s, keeping the link usable", async (_case, password, problem) => {
    const customer = await createCustomer({ email: uniqueEmail("maple") });
    const link = await requestResetEmail(customer.email);
    const attempt = password.replace("{local}", customer.email.split("@")[0] ?? "");
    expect(await complete(link, attempt)).toEqual({ status: "password-rejected", problem });
    expect((await checkResetLink(link)).status).toBe("valid");
  });

  it("makes every other outstanding link for the account invalid", async () => {
    const customer = await createCustomer();
    const link = await requestResetEmail(customer.email);
    // A second live token, as two requests racing each other could leave behind.
    const other = generateSecretToken();
    await getDb().passwordResetToken.create({
      data: { tokenHash: other.tokenHash, customerId: customer.id, expiresAt: new Date(Date.now() + 10 * MINUTE) },
    });

    await complete(link);
    expect(await checkResetLink({ token: other.token, email: customer.email })).toEqual({ status: "superseded" });
  });

  it("ends every session when asked (the default), and none when not", async () => {
    const signingOut = await createCustomer();
    await startSession(signingOut.id, uniqueOrigin());
    await complete(await requestResetEmail(signingOut.email), NEW_PASSWORD, { signOutOtherSessions: true });
    expect(await getDb().session.count({ where: { customerId: signingOut.id } })).toBe(0);
    expect(await eventTypes(signingOut.id)).toEqual(["password_reset_requested", "password_reset_completed", "sessions_revoked"]);

    const staying = await createCustomer();
    await startSession(staying.id, uniqueOrigin());
    await complete(await requestResetEmail(staying.email), NEW_PASSWORD, { signOutOtherSessions: false });
    expect(await getDb().session.count({ where: { customerId: staying.id } })).toBe(1);
  });

  it("records where it happened, and emails the customer with a 'This wasn't me' link", async () => {
    const customer = await createCustomer();
    const origin = uniqueOrigin();
    await complete(await requestResetEmail(customer.email), NEW_PASSWORD, { origin });

    const event = await getDb().securityEvent.findFirstOrThrow({ where: { customerId: customer.id, type: "password_reset_completed" } });
    expect(event).toMatchObject({ ip: origin.ip, userAgent: origin.userAgent });
    const notice = await latestEmailTo(customer.email);
    expect(notice?.subject).toBe("Your Juniper Goods password was reset");
    expect(notice?.text).toContain("Every other device was signed out.");
    expect(new URL(notMeLinkIn(notice?.text ?? "")).origin).toBe("http://localhost:3000");
  });

  it("lets exactly one of two concurrent submissions of the same link succeed", async () => {
    const customer = await createCustomer();
    const link = await requestResetEmail(customer.email);

    const results = await Promise.all([complete(link, "first concurrent passphrase"), complete(link, "second concurrent passphrase")]);

    expect(results.filter((r) => r.status === "completed")).toHaveLength(1);
    expect(results.filter((r) => r.status === "used")).toHaveLength(1);
    const winner = results[0]?.status === "completed" ? "first concurrent passphrase" : "second concurrent passphrase";
    expect(await signsIn(customer.email, winner)).toBe(true);
  });

  it("lets exactly one of twenty concurrent submissions succeed", async () => {
    const customer = await createCustomer();
    const opened = await openResetLink(await requestResetEmail(customer.email));
    if (opened.status !== "valid") throw new Error("expected a valid link");

    // Twenty clients sharing one grant, as if it had been copied; the per-link limit is raised to let them all in.
    const restore = useEnvironment({ RATE_LIMIT_RESET_ATTEMPT_PER_LINK: "100/15" });
    try {
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => complete({ grant: opened.grant }, `concurrent passphrase ${i}`)),
      );
      expect(results.filter((r) => r.status === "completed")).toHaveLength(1);
      expect(results.filter((r) => r.status === "used")).toHaveLength(19);
    } finally {
      restore();
    }
  });

  it("limits attempts per link and per client address, with how long to wait", async () => {
    const customer = await createCustomer();
    const link = await requestResetEmail(customer.email);
    // Five attempts with a password the policy refuses, each from a different client: all reach the policy check.
    for (let i = 0; i < 5; i += 1) expect((await complete(link, "password123")).status).toBe("password-rejected");
    const limited = await complete(link);
    expect(limited).toMatchObject({ status: "rate-limited" });
    expect("retryAfterSeconds" in limited && limited.retryAfterSeconds).toBeGreaterThan(0);
    expect(await signsIn(customer.email, TEST_PASSWORD)).toBe(true);

    const origin = uniqueOrigin();
    const fromOneClient = [];
    for (let i = 0; i < 11; i += 1) fromOneClient.push(await complete({ grant: "not-a-grant" }, NEW_PASSWORD, { origin }));
    expect(fromOneClient[9]).toEqual({ status: "invalid" });
    expect(fromOneClient[10]).toMatchObject({ status: "rate-limited" });
  });
});

describe("rotating AUTH_SECRET", () => {
  const NEW_SECRET = "the-secret-after-rotation-0123456789abcdef";

  it("keeps grants and codes made under the previous secret working while it is in AUTH_SECRET_PREVIOUS, and only then", async () => {
    const customer = await createCustomer();
    const { code } = await requestResetEmail(customer.email);
    const [stored] = await storedTokens(customer.id);
    const { grant } = issueResetGrant(stored?.id ?? "", stored?.expiresAt ?? new Date());
    const entry = codeEntry(customer.email, code.replace("-", ""));

    const withoutOld = useEnvironment({ AUTH_SECRET: NEW_SECRET });
    try {
      expect(await checkResetGrant(grant)).toEqual({ status: "invalid" });
      expect(await redeemResetCode(entry, uniqueOrigin())).toEqual({ status: "wrong-code" });
    } finally {
      withoutOld();
    }
    const withOld = useEnvironment({ AUTH_SECRET: NEW_SECRET, AUTH_SECRET_PREVIOUS: process.env.AUTH_SECRET as string });
    try {
      expect((await checkResetGrant(grant)).status).toBe("valid");
      expect((await redeemResetCode(entry, uniqueOrigin())).status).toBe("valid");
    } finally {
      withOld();
    }
  });
});
