import type { Page } from "@playwright/test";
import { formatDuration } from "@/app/_lib/format";
import { DEFAULT_LOCALE, type Locale, localePath } from "@/i18n/locales.mjs";
import { expect, newDevice, signIn, type Shopper, test } from "./fixtures";
import { words } from "./support/catalogue";
import { resetLinkIn, signUpLinkIn, waitForEmail, waitForEmailWithSubject } from "./support/inbox";
import { STORE_URL } from "./support/servers";

// Every page and email in the shopper's language: German and French, as a shopper whose browser speaks them meets
// the store. Each test runs with JavaScript and without it. The words expected are the catalogue's own
// (messages/<locale>/), so a test reads as the shopper's journey, not as a copy of the translation.

const STORE_NAME = "Juniper Goods";
/** Chromium's language setting, sent as Accept-Language. */
const BROWSER_LANGUAGE: Record<Locale, string> = { en: "en-GB", de: "de-DE", fr: "fr-FR" };

/** The page's language as the document declares it, and its main heading. */
async function expectPageIn(page: Page, locale: Locale, heading: string) {
  await expect(page.locator("html")).toHaveAttribute("lang", locale);
  await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
}

for (const locale of ["de", "fr"] as const) {
  test(`a shopper whose browser speaks ${locale} resets their password in ${locale}, from the first page to signing in`, async ({ browser, shopper }) => {
    test.slow(); // a long journey: the request, the email, the reset and a sign-in
    const t = words(locale);
    const device = await newDevice(browser, STORE_URL, { locale: BROWSER_LANGUAGE[locale] });
    const page = await device.newPage();
    const newPassword = `${locale} passphrase for the reset`;

    await test.step("the English address opens the page in their language", async () => {
      await page.goto("/forgot-password");
      await expect(page).toHaveURL(`${STORE_URL}/${locale}/forgot-password`);
      await expectPageIn(page, locale, t("recovery.forgot.title"));
    });

    await test.step("ask for a link", async () => {
      const form = page.locator("main form");
      await form.getByLabel(t("forms.email")).fill(shopper.email);
      await form.getByRole("button", { name: t("forms.forgotPassword.submit") }).click();
      await expect(page).toHaveURL(`${STORE_URL}/${locale}/forgot-password/sent`);
      await expectPageIn(page, locale, t("recovery.sent.title"));
    });

    const link = await test.step("the email is in their language, and so are its links", async () => {
      const email = await waitForEmail(shopper.email);
      expect(email.subject).toBe(t("emails.passwordReset.subject", { storeName: STORE_NAME }));
      expect(email.html).toContain(`lang="${locale}"`);
      expect(email.text).toContain(t("emails.passwordReset.heading"));
      expect(email.text).toContain(t("emails.passwordReset.lasts", { expiresIn: formatDuration(locale, 30) }));
      expect(email.text).toContain(`${STORE_URL}/${locale}/reset-password/code`);
      const link = resetLinkIn(email);
      expect(link.startsWith(`${STORE_URL}/${locale}/reset-password?token=`)).toBe(true);
      return link;
    });

    await test.step("the link opens the reset page in their language, and the new password is saved", async () => {
      await page.goto(link);
      await expect(page).toHaveURL(`${STORE_URL}/${locale}/reset-password`);
      await expectPageIn(page, locale, t("recovery.reset.title"));
      const form = page.locator("main form");
      await form.getByLabel(t("forms.newPassword"), { exact: true }).fill(newPassword);
      await form.getByLabel(t("forms.confirmNewPassword")).fill(newPassword);
      await form.getByRole("button", { name: t("forms.resetPassword.submit") }).click();
      await expect(page).toHaveURL(`${STORE_URL}/${locale}/login?notice=password-reset`);
      await expect(page.getByRole("status")).toHaveText(t("signIn.notices.password-reset"));
    });

    await test.step("the new password signs in, to the account page in their language", async () => {
      const form = page.locator("main form");
      await form.getByLabel(t("forms.email")).fill(shopper.email);
      await form.getByLabel(t("forms.password"), { exact: true }).fill(newPassword);
      await form.getByRole("button", { name: t("forms.signIn.submit") }).click();
      await expect(page).toHaveURL(`${STORE_URL}/${locale}/account`);
      await expectPageIn(page, locale, t("account.hello", { name: shopper.name }));
    });
    await device.close();
  });
}

test("a problem with a form is explained in the page's language", async ({ browser }) => {
  const t = words("fr");
  const device = await newDevice(browser, STORE_URL, { locale: BROWSER_LANGUAGE.fr });
  const page = await device.newPage();
  await page.goto("/fr/reset-password/code");
  const form = page.locator("main form");
  await form.getByLabel(t("forms.email")).fill("quelquun@example.com");
  await form.getByLabel(t("forms.code")).fill("2222-2222");
  await form.getByRole("button", { name: t("forms.continue") }).click();
  await expect(form.getByRole("alert")).toHaveText(t("recovery.wrongCode"));
  await form.getByLabel(t("forms.email")).fill("pas-une-adresse");
  await form.getByRole("button", { name: t("forms.continue") }).click();
  await expect(form.getByLabel(t("forms.email"))).toHaveAccessibleDescription(t("problems.emailMalformed"));
  await device.close();
});

test("the language switcher changes the page's language and remembers the choice over the browser's", async ({ browser }) => {
  const device = await newDevice(browser, STORE_URL, { locale: BROWSER_LANGUAGE.de });
  const page = await device.newPage();
  const switcher = page.getByRole("form", { name: words("de")("shop.frame.language") });

  await page.goto("/register");
  await expect(page).toHaveURL(`${STORE_URL}/de/register`);
  await expect(switcher.getByRole("button", { name: "Deutsch" })).toHaveAttribute("aria-current", "true");

  // English, chosen over the browser's German: the same page, at its English address, and the store remembers.
  await switcher.getByRole("button", { name: "English" }).click();
  await expect(page).toHaveURL(`${STORE_URL}/register`);
  await expectPageIn(page, "en", words("en")("signUp.start.title"));
  await page.goto("/forgot-password");
  await expect(page).toHaveURL(`${STORE_URL}/forgot-password`);
  await expectPageIn(page, "en", words("en")("recovery.forgot.title"));

  // And French, from there.
  await page.getByRole("form", { name: words("en")("shop.frame.language") }).getByRole("button", { name: "Français" }).click();
  await expect(page).toHaveURL(`${STORE_URL}/fr/forgot-password`);
  await expectPageIn(page, "fr", words("fr")("recovery.forgot.title"));
  await page.goto("/login");
  await expect(page).toHaveURL(`${STORE_URL}/fr/login`);
  await device.close();
});

test("an account speaks the language it was made in, and the one its shopper switches to", async ({ browser, newShopper }) => {
  test.slow(); // a sign-up, two devices, two password changes and their emails
  const shopper: Shopper = newShopper();
  const de = words("de");

  await test.step("sign up in German", async () => {
    const device = await newDevice(browser, STORE_URL, { locale: BROWSER_LANGUAGE.de });
    const page = await device.newPage();
    await page.goto("/register");
    const form = page.locator("main form");
    await form.getByLabel(de("forms.email")).fill(shopper.email);
    await form.getByRole("button", { name: de("forms.continue") }).click();
    await expectPageIn(page, "de", de("signUp.sent.title"));
    const email = await waitForEmail(shopper.email);
    expect(email.subject).toBe(de("emails.confirmEmail.signUp.subject", { storeName: STORE_NAME }));
    await page.goto(signUpLinkIn(email));
    await expectPageIn(page, "de", de("signUp.finish.title"));
    const finish = page.locator("main form");
    await finish.getByLabel(de("forms.name")).fill(shopper.name);
    await finish.getByLabel(de("forms.password")).fill(shopper.password);
    await finish.getByRole("button", { name: de("forms.finishSignUp.submit") }).click();
    await expect(page).toHaveURL(`${STORE_URL}/de/account?notice=account-created`);
    await device.close();
  });

  // On an English browser, at the English page: the email the account gets unasked is in the account's language.
  const device = await newDevice(browser, STORE_URL, { locale: BROWSER_LANGUAGE.en });
  const page = await device.newPage();
  await signIn(page, shopper);
  await expect(page).toHaveURL(`${STORE_URL}/account`);
  const changePassword = async (from: string, to: string, locale: Locale) => {
    const t = words(locale);
    const form = page.getByRole("form", { name: t("forms.changePassword.label") });
    await form.getByLabel(t("forms.currentPassword")).fill(from);
    await form.getByLabel(t("forms.newPassword"), { exact: true }).fill(to);
    await form.getByLabel(t("forms.confirmNewPassword")).fill(to);
    await form.getByRole("button", { name: t("forms.changePassword.submit") }).click();
    await expect(page).toHaveURL(`${STORE_URL}${localePath(locale, "/account?notice=password-changed")}`);
  };

  await test.step("a change made on the English page is reported in German", async () => {
    await changePassword(shopper.password, "changed on the english page", DEFAULT_LOCALE);
    const notice = await waitForEmailWithSubject(shopper.email, de("emails.accountChanged.passwordChanged.subject", { storeName: STORE_NAME }));
    expect(notice.html).toContain('lang="de"');
  });

  await test.step("once the shopper switches to French, the account speaks French", async () => {
    await page.getByRole("form", { name: words("en")("shop.frame.language") }).getByRole("button", { name: "Français" }).click();
    // The same page, query and all, in French.
    await expect(page).toHaveURL(`${STORE_URL}/fr/account?notice=password-changed`);
    await expect(page.getByRole("status")).toHaveText(words("fr")("account.notices.password-changed"));
    await page.goto("/fr/account");
    await changePassword("changed on the english page", "changed on the french page", "fr");
    const fr = words("fr");
    const notice = await waitForEmailWithSubject(shopper.email, fr("emails.accountChanged.passwordChanged.subject", { storeName: STORE_NAME }));
    expect(notice.text).toContain(fr("emails.accountChanged.ifYou"));
  });
  await device.close();
});

test("switching language on the reset page keeps the emailed link working", async ({ browser, shopper }) => {
  const device = await newDevice(browser, STORE_URL, { locale: BROWSER_LANGUAGE.fr });
  const page = await device.newPage();
  const fr = words("fr");
  const en = words("en");
  await page.goto("/forgot-password");
  const form = page.locator("main form");
  await form.getByLabel(fr("forms.email")).fill(shopper.email);
  await form.getByRole("button", { name: fr("forms.forgotPassword.submit") }).click();
  await expectPageIn(page, "fr", fr("recovery.sent.title"));

  await page.goto(resetLinkIn(await waitForEmail(shopper.email)));
  await expectPageIn(page, "fr", fr("recovery.reset.title"));
  await page.getByRole("form", { name: fr("shop.frame.language") }).getByRole("button", { name: "English" }).click();
  await expect(page).toHaveURL(`${STORE_URL}/reset-password`);
  await expectPageIn(page, "en", en("recovery.reset.title"));
  const reset = page.locator("main form");
  await reset.getByLabel(en("forms.newPassword"), { exact: true }).fill("chosen after switching language");
  await reset.getByLabel(en("forms.confirmNewPassword")).fill("chosen after switching language");
  await reset.getByRole("button", { name: en("forms.resetPassword.submit") }).click();
  await expect(page).toHaveURL(`${STORE_URL}/login?notice=password-reset`);
  await device.close();
});
