import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { chooseNewPassword, expect, requestResetLink, signIn, test } from "./fixtures";
import { words } from "./support/catalogue";
import { openDevMailboxMessage } from "./support/dev-mailbox";
import { resetLinkIn, waitForEmail } from "./support/inbox";
import { MAILBOX_STORE_DATABASE_URL, MAILBOX_STORE_URL, STORE_URL } from "./support/servers";

// axe-core runs a few seconds per page on two cores; these tests get triple the usual time.
test.slow();

/** Runs axe (WCAG 2.2 A and AA, and best practices) on the page as it is now and expects no violations. */
async function expectNoAxeViolations(page: Page, { withoutJavaScript = false } = {}) {
  const scanned = withoutJavaScript ? await copyWithScriptingAllowed(page) : page;
  try {
    const results = await new AxeBuilder({ page: scanned })
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
      // The dev mailbox frames each email in a sandbox where no script (axe included) may run; the email's own
      // markup is covered by its rendering tests.
      .exclude("iframe.mailbox-frame")
      .analyze();
    const violations = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
    expect(violations).toEqual([]);
  } finally {
    if (scanned !== page) await scanned.context().close();
  }
}

/**
 * axe runs as a script, which a page with JavaScript disabled never executes. So for a browser without JavaScript the
 * page's exact DOM is served, without its scripts, at the same URL in a context where axe may run: it checks what a
 * shopper without JavaScript sees, stylesheets included, with nothing hydrated.
 */
async function copyWithScriptingAllowed(page: Page): Promise<Page> {
  const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, "");
  const context = await page.context().browser()!.newContext({ javaScriptEnabled: true });
  const copy = await context.newPage();
  await copy.route(page.url(), (route) => route.fulfill({ body: html, contentType: "text/html; charset=utf-8" }));
  await copy.goto(page.url());
  return copy;
}

for (const path of [
  "/",
  "/login",
  "/login?notice=password-reset",
  "/register",
  "/register/sent",
  "/register/code",
  "/register/complete",
  "/account/email/confirm",
  "/forgot-password",
  "/reset-password",
  "/no-such-page",
]) {
  test(`${path} passes axe`, async ({ page }) => {
    await page.goto(path);
    await expectNoAxeViolations(page);
  });
}

// The same pages in German and French: other words, longer ones, their own lang attributes.
for (const locale of ["de", "fr"]) {
  for (const path of ["", "/login", "/register", "/register/sent", "/forgot-password", "/reset-password", "/reset-password/code", "/no-such-page"]) {
    test(`/${locale}${path} passes axe`, async ({ page }) => {
      await page.goto(`/${locale}${path}`);
      await expect(page.locator("html")).toHaveAttribute("lang", locale);
      await expectNoAxeViolations(page);
    });
  }
}

test("a German form with its errors, and the German account page, pass axe", async ({ browser, shopper }) => {
  const context = await browser.newContext({ baseURL: STORE_URL, locale: "de-DE" });
  try {
    const page = await context.newPage();
    await page.goto("/forgot-password");
    await expect(page).toHaveURL(/\/de\/forgot-password$/);
    const form = page.locator("main form");
    await form.getByRole("button").click();
    await expect(form.getByLabel(words("de")("forms.email"))).toHaveAttribute("aria-invalid", "true");
    await expectNoAxeViolations(page);

    const de = words("de");
    await page.goto("/de/login");
    await page.locator("main form").getByLabel(de("forms.email")).fill(shopper.email);
    await page.locator("main form").getByLabel(de("forms.password"), { exact: true }).fill(shopper.password);
    await page.locator("main form").getByRole("button", { name: de("forms.signIn.submit") }).click();
    await expect(page).toHaveURL(/\/de\/account$/);
    await expectNoAxeViolations(page);
  } finally {
    await context.close();
  }
});

test("forms showing their errors pass axe", async ({ page, shopper }) => {
  await page.goto("/register");
  await page.locator("main form").getByRole("button", { name: "Continue" }).click();
  await expect(page.locator("main form").getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
  await expectNoAxeViolations(page);

  await signIn(page, { email: shopper.email, password: "wrong password" });
  await expect(page.locator("main form").getByRole("alert")).toBeVisible();
  await expectNoAxeViolations(page);
});

test("forms the server re-renders with their errors, for a browser without JavaScript, pass axe", async ({ browser, shopper }) => {
  // The browser journeys run without JavaScript only for the forms; this is the markup such a browser gets back.
  const context = await browser.newContext({ baseURL: STORE_URL, javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.goto("/register");
    await page.locator("main form").getByRole("button", { name: "Continue" }).click();
    await expect(page.locator("main form").getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
    await expectNoAxeViolations(page, { withoutJavaScript: true });

    await signIn(page, { email: shopper.email, password: "wrong password" });
    await expect(page.locator("main form").getByRole("alert")).toBeVisible();
    await expectNoAxeViolations(page, { withoutJavaScript: true });
  } finally {
    await context.close();
  }
});

test("the reset journey's pages pass axe: confirmation, form, form with errors, account", async ({ page, shopper }) => {
  await requestResetLink(page, shopper.email);
  await expectNoAxeViolations(page);

  await page.goto(resetLinkIn(await waitForEmail(shopper.email)));
  await expectNoAxeViolations(page);
  await chooseNewPassword(page, "a new passphrase", "does not match");
  await expect(page.locator("main form").getByLabel("Confirm new password")).toHaveAttribute("aria-invalid", "true");
  await expectNoAxeViolations(page);

  await chooseNewPassword(page, "a new passphrase");
  await signIn(page, { email: shopper.email, password: "a new passphrase" });
  await expect(page).toHaveURL(/\/account$/);
  await expectNoAxeViolations(page);
});

test.describe("dev mailbox", () => {
  test.use({ baseURL: MAILBOX_STORE_URL, storeDatabaseUrl: MAILBOX_STORE_DATABASE_URL });

  test("the list and a message pass axe", async ({ page, shopper }) => {
    await requestResetLink(page, shopper.email);
    await openDevMailboxMessage(page, shopper.email);
    await expectNoAxeViolations(page);
    await page.goto("/dev/mailbox");
    await expectNoAxeViolations(page);
  });
});
