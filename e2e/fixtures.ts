import { randomInt, randomUUID } from "node:crypto";
import { test as base, expect, type Browser, type Locator, type Page } from "@playwright/test";
import { deleteAccounts, seedCustomers } from "./support/database";
import { STORE_DATABASE_URL, STORE_URL } from "./support/servers";

export type Shopper = { name: string; email: string; password: string };

/** The password every test shopper registers with (e2e/logs.scan.ts checks that no log line ever holds it). */
export const SHOPPER_PASSWORD = "first password 123";

type Fixtures = {
  /** The database of the server under test (baseURL); specs against the dev-mailbox server override both. */
  storeDatabaseUrl: string;
  /** Makes shopper details no other test uses; every account made with them is deleted after the test. */
  newShopper: () => Shopper;
  /**
   * A shopper who already has an account, written straight into the store's database: tests about registering
   * register through the page themselves (newShopper); the others needn't pay for it.
   */
  shopper: Shopper;
};

/** A documentation-range address (RFC 5737) no other test uses, as this test's client address. */
function uniqueClientAddress(): string {
  return `198.51.${randomInt(0, 256)}.${randomInt(1, 255)}`;
}

export const test = base.extend<Fixtures>({
  storeDatabaseUrl: [STORE_DATABASE_URL, { option: true }],
  // Every request of a test, from its pages or its `request` fixture, comes from the test's own client address
  // (the servers trust one proxy hop, the test runner), so per-address rate limits never span tests.
  extraHTTPHeaders: async ({}, use) => {
    await use({ "X-Forwarded-For": uniqueClientAddress() });
  },
  newShopper: async ({ storeDatabaseUrl }, use) => {
    const emails: string[] = [];
    await use(() => {
      const email = `shopper-${randomUUID()}@example.com`;
      emails.push(email);
      return { name: "Robin Example", email, password: SHOPPER_PASSWORD };
    });
    await deleteAccounts(storeDatabaseUrl, emails);
  },
  shopper: async ({ storeDatabaseUrl, newShopper }, use) => {
    const shopper = newShopper();
    await seedCustomers(storeDatabaseUrl, [shopper.email], shopper.password, shopper.name);
    await use(shopper);
  },
});

export { expect };

/**
 * Another device: a separate browser context, with the running project's JavaScript setting and its own client
 * address, on the store the test is about.
 */
export async function newDevice(browser: Browser, baseURL = STORE_URL, options: { locale?: string } = {}) {
  return browser.newContext({
    baseURL,
    // The browser's language: Chromium sends it as Accept-Language (en-US unless a test says otherwise).
    locale: options.locale,
    javaScriptEnabled: test.info().project.use.javaScriptEnabled !== false,
    extraHTTPHeaders: { "X-Forwarded-For": uniqueClientAddress() },
  });
}

/** The shopper, signed in on a second device (its own context), for tests about what happens to other sessions. */
export async function signInOnAnotherDevice(browser: Browser, shopper: Shopper) {
  const device = await newDevice(browser);
  const tab = await device.newPage();
  await signIn(tab, shopper);
  await expect(tab).toHaveURL(/\/account$/);
  return { device, tab };
}

/**
 * With JavaScript, a form's code (React Hook Form) loads on the shopper's first interaction with the page; until it
 * has, the form is the server's HTML and posts as it would without JavaScript. For tests about what the code does:
 * starts on the form, as a shopper would, and waits for it.
 */
export async function startOnForm(form: Locator) {
  await form.locator("input:not([type=hidden]):not([hidden])").first().focus();
  await expect(form).toHaveAttribute("data-enhanced", "");
}

/** Sign-up's first step, as a shopper does it: the address, then the page that says to check the inbox. */
export async function startSignUp(page: Page, email: string) {
  await page.goto("/register");
  const form = page.locator("main form");
  await form.getByLabel("Email").fill(email);
  await form.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
}

/** Sign-up's last step, on the page the emailed link or the code opens. */
export async function finishSignUp(page: Page, details: { name: string; password: string }) {
  await expect(page.getByRole("heading", { name: "Finish creating your account" })).toBeVisible();
  const form = page.locator("main form");
  await form.getByLabel("Name").fill(details.name);
  await form.getByLabel("Password").fill(details.password);
  await form.getByRole("button", { name: "Create account" }).click();
}

export async function signIn(page: Page, credentials: { email: string; password: string }) {
  await page.goto("/login");
  await fillSignInForm(page, credentials);
}

export async function fillSignInForm(page: Page, credentials: { email: string; password: string }) {
  const form = page.locator("main form");
  await form.getByLabel("Email").fill(credentials.email);
  await form.getByLabel("Password", { exact: true }).fill(credentials.password);
  await form.getByRole("button", { name: "Sign in" }).click();
}

export async function requestResetLink(page: Page, email: string) {
  await page.goto("/forgot-password");
  const form = page.locator("main form");
  await form.getByLabel("Email").fill(email);
  await form.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
}

export async function chooseNewPassword(page: Page, password: string, confirmation = password) {
  const form = page.locator("main form");
  await form.getByLabel("New password", { exact: true }).fill(password);
  await form.getByLabel("Confirm new password").fill(confirmation);
  await form.getByRole("button", { name: "Save new password" }).click();
}
