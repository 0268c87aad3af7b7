import { chooseNewPassword, expect, requestResetLink, signIn, test } from "./fixtures";
import { openDevMailboxMessage } from "./support/dev-mailbox";
import { MAILBOX_STORE_DATABASE_URL, MAILBOX_STORE_URL, STORE_URL } from "./support/servers";

test.describe("with the dev mailbox (no RESEND_API_KEY)", () => {
  test.use({ baseURL: MAILBOX_STORE_URL, storeDatabaseUrl: MAILBOX_STORE_DATABASE_URL });

  test("a developer clicks through the whole journey from /dev/mailbox", async ({ page, shopper }) => {
    test.slow(); // a long journey: register, reset, signed in, signed out, signed in again
    const newPassword = "picked from the mailbox";
    await requestResetLink(page, shopper.email);

    await openDevMailboxMessage(page, shopper.email);

    await expect(page.getByRole("heading", { name: "Reset your Juniper Goods password" })).toBeVisible();
    await expect(page.getByRole("definition").filter({ hasText: shopper.email })).toBeVisible();
    await expect(page.locator("pre")).toContainText("This link lasts 30 minutes and works once.");

    // The email's own button, inside the framed html part, opens the reset page in the main window.
    const email = page.frameLocator('iframe[title="Email: Reset your Juniper Goods password"]');
    await email.getByRole("link", { name: "Choose a new password" }).click();
    await expect(page).toHaveURL(`${MAILBOX_STORE_URL}/reset-password`);

    // This server has AUTO_SIGN_IN_AFTER_RESET on: finishing the reset signs the shopper in.
    await chooseNewPassword(page, newPassword);
    await expect(page).toHaveURL(/\/account\?notice=password-reset$/);
    await expect(page.getByRole("status")).toHaveText("Your password has been reset, and you're signed in.");
    await page.getByRole("button", { name: "Sign out", exact: true }).click();
    await signIn(page, { email: shopper.email, password: newPassword });
    await expect(page).toHaveURL(/\/account$/);
  });

  test("the email's html part is shown whole: its frame grows to the email's height", async ({ page, shopper }) => {
    await requestResetLink(page, shopper.email);
    await openDevMailboxMessage(page, shopper.email);
    const frame = page.locator("iframe.mailbox-frame");
    // The frame loads after the page: wait for the email inside it before measuring.
    const email = await (await frame.elementHandle())?.contentFrame();
    if (!email) throw new Error("the page has no email frame");
    await expect(email.getByRole("link", { name: "Choose a new password" })).toBeVisible();
    await email.waitForLoadState("load");
    const emailHeight = await email.evaluate(() => document.documentElement.scrollHeight);
    // Without the email's report the frame keeps its stylesheet height (42rem, 672px), which this email outgrows.
    expect(emailHeight).toBeGreaterThan(672);
    await expect.poll(async () => Math.round((await frame.boundingBox())?.height ?? 0)).toBe(emailHeight + 2);
  });

  test("every template can be previewed in every language", async ({ page }) => {
    await page.goto("/dev/mailbox/previews");
    const german = page.getByRole("link", { name: "Ihr Passwort bei Juniper Goods zurücksetzen" });
    await expect(german).toHaveAttribute("href", "/dev/mailbox/previews/password-reset/de");
    await expect(page.getByRole("link", { name: "Réinitialisez votre mot de passe Juniper Goods" })).toBeVisible();
    await german.click();
    await expect(page.getByRole("heading", { level: 1, name: "Ihr Passwort bei Juniper Goods zurücksetzen" })).toBeVisible();
    await expect(page.locator("pre")).toContainText("Dieser Link gilt 30 Minuten und funktioniert einmal.");
    await expect(page.locator("pre")).toContainText(`${MAILBOX_STORE_URL}/de/reset-password?token=preview-token`);
    await expect(page.frameLocator("iframe.mailbox-frame").getByRole("link", { name: "Neues Passwort wählen" })).toBeVisible();
  });

  test("the plain-text part's link is clickable too", async ({ page, shopper }) => {
    await requestResetLink(page, shopper.email);
    await openDevMailboxMessage(page, shopper.email);
    await page.locator("pre").getByRole("link", { name: /\/reset-password\?token=/ }).click();
    await expect(page.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
  });
});

test("the dev mailbox is not served in production unless enabled", async ({ request }) => {
  for (const path of ["/dev/mailbox", "/dev/mailbox/anything", "/dev/mailbox/anything/html"]) {
    const response = await request.get(`${STORE_URL}${path}`);
    expect(response.status(), path).toBe(404);
  }
});
