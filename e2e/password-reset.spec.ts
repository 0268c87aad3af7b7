import { chooseNewPassword, expect, newDevice, requestResetLink, signIn, signInOnAnotherDevice, startOnForm, test } from "./fixtures";
import { countedAttempts, expireResetLinks } from "./support/database";
import { emailsTo, notMeLinkIn, resetCodeIn, resetLinkIn, waitForEmail, waitForEmailWithSubject } from "./support/inbox";
import { PASSWORD_MIN_LENGTH, STORE_DATABASE_URL, STORE_URL, WEBMAIL_URL } from "./support/servers";

// Every test here runs twice: with JavaScript ("js" project) and without it ("no-js"), where each form is a plain
// POST and each step a full page load.

const RESET_SUBJECT = "Reset your Juniper Goods password";

test("a shopper who forgot their password gets back in with the emailed link", async ({ page, shopper }) => {
  test.slow(); // a long journey: several sign-ins, emails and page loads
  const newPassword = "my brand new passphrase";

  await test.step("sign in, then sign out", async () => {
    await signIn(page, shopper);
    await expect(page).toHaveURL(/\/account$/);
    await expect(page.getByRole("heading", { name: `Hello, ${shopper.name}` })).toBeVisible();
    await page.getByRole("button", { name: "Sign out", exact: true }).click();
    await expect(page).toHaveURL(/\/login\?notice=signed-out$/);
  });

  await test.step("ask for a reset link", async () => {
    await page.getByRole("link", { name: "Forgot your password?" }).click();
    await expect(page).toHaveURL(/\/forgot-password$/);
    await requestResetLink(page, shopper.email);
  });

  const link = await test.step("read the email", async () => {
    const email = await waitForEmail(shopper.email);
    expect(email.to).toEqual([shopper.email]);
    expect(email.from).toBe("Juniper Goods <no-reply@juniper.example>");
    expect(email.subject).toBe(RESET_SUBJECT);
    expect(email.text).toContain("This link lasts 30 minutes and works once.");
    expect(email.text).toContain("Didn't ask for this?");
    const link = resetLinkIn(email);
    expect(link.startsWith(`${STORE_URL}/reset-password?token=`)).toBe(true);
    expect(email.html).toContain(link.replaceAll("&", "&amp;"));
    return link;
  });

  await test.step("follow the link: the token leaves the URL, and a new password is chosen", async () => {
    await page.goto(link);
    await expect(page).toHaveURL(`${STORE_URL}/reset-password`);
    await expect(page.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
    await expect(page.getByText(shopper.email)).toBeVisible();
    await expect(page.getByRole("checkbox", { name: "Sign me out on all other devices" })).toBeChecked();
    await chooseNewPassword(page, newPassword);
    await expect(page).toHaveURL(/\/login\?notice=password-reset$/);
    await expect(page.getByRole("status")).toHaveText("Your password has been changed. Sign in with your new password.");
  });

  await test.step("the shopper is told, with a way to undo it", async () => {
    const notice = await waitForEmailWithSubject(shopper.email, "Your Juniper Goods password was reset");
    expect(notice.text).toContain("Every other device was signed out.");
    expect(notMeLinkIn(notice).startsWith(`${STORE_URL}/account/not-me?token=`)).toBe(true);
  });

  await test.step("the old password no longer works", async () => {
    await signIn(page, { email: shopper.email, password: shopper.password });
    await expect(page.locator("main form").getByRole("alert")).toHaveText("The email or password is incorrect.");
    await expect(page).toHaveURL(/\/login/);
  });

  await test.step("the new password signs in", async () => {
    await signIn(page, { email: shopper.email, password: newPassword });
    await expect(page).toHaveURL(/\/account$/);
    await expect(page.getByText(shopper.email).first()).toBeVisible();
  });

  await test.step("the same link never works again", async () => {
    await page.goto(link);
    await expect(page.getByRole("heading", { name: "This reset link has already been used" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Send me a new link" })).toHaveAttribute("href", "/forgot-password");
  });
});

test("a mail scanner opening the link first doesn't use it up", async ({ page, playwright, shopper }) => {
  await requestResetLink(page, shopper.email);
  const link = resetLinkIn(await waitForEmail(shopper.email));
  const scanner = await playwright.request.newContext();
  for (let opened = 0; opened < 3; opened += 1) expect((await scanner.get(link)).status()).toBe(200);
  await scanner.dispose();

  await page.goto(link);
  await chooseNewPassword(page, "chosen after the scanner");
  await expect(page).toHaveURL(/\/login\?notice=password-reset$/);
});

test("the link works when clicked in webmail on another site", async ({ page, shopper }) => {
  await requestResetLink(page, shopper.email);
  const email = await waitForEmail(shopper.email);

  // The email as a webmail shows it, on a different site from the shop; the link opens in a new tab.
  await page.goto(`${WEBMAIL_URL}/__test/messages/${email.id}/html`);
  const [shop] = await Promise.all([
    page.context().waitForEvent("page"),
    page.getByRole("link", { name: "Choose a new password" }).click(),
  ]);
  await expect(shop.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
  await expect(shop).toHaveURL(`${STORE_URL}/reset-password`);
  await chooseNewPassword(shop, "clicked from webmail");
  await expect(shop).toHaveURL(/\/login\?notice=password-reset$/);
});

test("the code from the email resets the password on another device", async ({ page, browser, shopper }) => {
  test.slow(); // a long journey: several sign-ins, emails and page loads
  await requestResetLink(page, shopper.email);
  const code = resetCodeIn(await waitForEmail(shopper.email));

  const laptop = await newDevice(browser);
  const tab = await laptop.newPage();
  await tab.goto("/reset-password/code");
  const form = tab.locator("main form");
  await form.getByLabel("Email").fill(shopper.email);
  await form.getByLabel("Code").fill(code.toLowerCase());
  await form.getByRole("button", { name: "Continue" }).click();

  await expect(tab).toHaveURL(`${STORE_URL}/reset-password`);
  await chooseNewPassword(tab, "reset from the laptop");
  await expect(tab).toHaveURL(/\/login\?notice=password-reset$/);
  await signIn(tab, { email: shopper.email, password: "reset from the laptop" });
  await expect(tab).toHaveURL(/\/account$/);
  await laptop.close();
});

test("a wrong code gets the same answer as an unknown address", async ({ page, shopper, newShopper }) => {
  await requestResetLink(page, shopper.email);
  await waitForEmail(shopper.email);

  const answers = [];
  for (const email of [shopper.email, newShopper().email]) {
    await page.goto("/reset-password/code");
    const form = page.locator("main form");
    await form.getByLabel("Email").fill(email);
    await form.getByLabel("Code").fill("2222-2222");
    await form.getByRole("button", { name: "Continue" }).click();
    answers.push(await form.getByRole("alert").innerText());
  }
  expect(answers[0]).toContain("That code isn't right, or it has expired.");
  expect(answers[1]).toBe(answers[0]);
});

test("resetting signs out every other device by default", async ({ page, browser, shopper }) => {
  test.slow(); // a long journey: several sign-ins, emails and page loads
  const { device: phone, tab: phoneTab } = await signInOnAnotherDevice(browser, shopper);

  await requestResetLink(page, shopper.email);
  await page.goto(resetLinkIn(await waitForEmail(shopper.email)));
  await chooseNewPassword(page, "signed out everywhere");
  await expect(page).toHaveURL(/\/login\?notice=password-reset$/);

  await phoneTab.goto("/account");
  await expect(phoneTab).toHaveURL(/\/login/);
  await phone.close();
});

test("unticking the box keeps other devices signed in", async ({ page, browser, shopper }) => {
  test.slow(); // a long journey: several sign-ins, emails and page loads
  const { device: phone, tab: phoneTab } = await signInOnAnotherDevice(browser, shopper);

  await requestResetLink(page, shopper.email);
  await page.goto(resetLinkIn(await waitForEmail(shopper.email)));
  await page.getByRole("checkbox", { name: "Sign me out on all other devices" }).uncheck();
  await chooseNewPassword(page, "others stay signed in");
  await expect(page).toHaveURL(/\/login\?notice=password-reset$/);

  await phoneTab.goto("/account");
  await expect(phoneTab.getByRole("heading", { name: `Hello, ${shopper.name}` })).toBeVisible();
  const notice = await waitForEmailWithSubject(shopper.email, "Your Juniper Goods password was reset");
  expect(notice.text).toContain("Other devices stayed signed in.");
  await phone.close();
});

test("'This wasn't me' locks the account and sends a fresh reset to the owner", async ({ page, shopper }) => {
  test.slow(); // a long journey: several sign-ins, emails and page loads
  await requestResetLink(page, shopper.email);
  await page.goto(resetLinkIn(await waitForEmail(shopper.email)));
  await chooseNewPassword(page, "set by an intruder");
  const notice = await waitForEmailWithSubject(shopper.email, "Your Juniper Goods password was reset");
  const resetEmailsBefore = (await emailsTo(shopper.email)).filter((email) => email.subject === RESET_SUBJECT).length;

  await page.goto(notMeLinkIn(notice));
  await expect(page.getByRole("heading", { name: "Secure your account" })).toBeVisible();
  await page.getByRole("button", { name: "Yes, secure my account" }).click();
  await expect(page.getByRole("heading", { name: "Your account is secure" })).toBeVisible();

  await signIn(page, { email: shopper.email, password: "set by an intruder" });
  await expect(page.locator("main form").getByRole("alert")).toHaveText("The email or password is incorrect.");
  await expect
    .poll(async () => (await emailsTo(shopper.email)).filter((email) => email.subject === RESET_SUBJECT).length)
    .toBe(resetEmailsBefore + 1);

  await page.goto(notMeLinkIn(notice));
  await expect(page.getByRole("heading", { name: "This link has already been used" })).toBeVisible();
});

test("an expired link is refused, with a way to get a new one", async ({ page, shopper }) => {
  await requestResetLink(page, shopper.email);
  const link = resetLinkIn(await waitForEmail(shopper.email));
  expect(await expireResetLinks(STORE_DATABASE_URL, shopper.email)).toBe(1);

  await page.goto(link);
  await expect(page.getByRole("heading", { name: "This reset link has expired" })).toBeVisible();
  await page.getByRole("link", { name: "Send me a new link" }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
});

test("a link that expires while the form is open is refused on submit, and the password stays", async ({ page, shopper }) => {
  await requestResetLink(page, shopper.email);
  await page.goto(resetLinkIn(await waitForEmail(shopper.email)));
  await expect(page.getByRole("heading", { name: "Choose a new password" })).toBeVisible();

  await expireResetLinks(STORE_DATABASE_URL, shopper.email);
  await chooseNewPassword(page, "too late for this one");
  await expect(page.getByRole("heading", { name: "This reset link has expired" })).toBeVisible();

  await signIn(page, shopper);
  await expect(page).toHaveURL(/\/account$/);
});

test("asking again replaces the earlier link", async ({ page, shopper }) => {
  await requestResetLink(page, shopper.email);
  const first = resetLinkIn(await waitForEmail(shopper.email));
  await requestResetLink(page, shopper.email);
  const second = resetLinkIn(await waitForEmail(shopper.email, { count: 2 }));

  await page.goto(first);
  await expect(page.getByRole("heading", { name: "This reset link has been replaced" })).toBeVisible();
  await page.goto(second);
  await expect(page.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
});

test("an unknown email gets exactly the same confirmation as a registered one", async ({ page, shopper, newShopper }) => {
  const unknownEmail = newShopper().email; // never registered

  async function confirmationFor(email: string) {
    await page.goto("/forgot-password");
    const form = page.locator("main form");
    // With JavaScript, both go through the form's code: before it loads, the browser posts the form itself, which
    // answers with another status (a redirect instead of the action's payload) whatever the address.
    if (test.info().project.use.javaScriptEnabled !== false) await startOnForm(form);
    await form.getByLabel("Email").fill(email);
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST"),
      form.getByRole("button", { name: "Send reset link" }).click(),
    ]);
    const panel = page.getByRole("status");
    await expect(panel.getByRole("heading", { name: "Check your email" })).toBeVisible();
    return {
      status: response.status(),
      url: page.url(),
      words: (await panel.innerText()).replace(email, "<email>"),
    };
  }

  const known = await confirmationFor(shopper.email);
  const unknown = await confirmationFor(unknownEmail);
  expect(unknown).toEqual(known);
  expect(known.url).toBe(`${STORE_URL}/forgot-password/sent`);

  await waitForEmail(shopper.email);
  expect(await emailsTo(unknownEmail)).toEqual([]);
});

test("over the limit for one address from one client, the confirmation stays the same and no more emails are sent", async ({ page, shopper }) => {
  for (let request = 1; request <= 4; request += 1) await requestResetLink(page, shopper.email);
  await waitForEmail(shopper.email, { count: 3 });
  // The fourth was refused by this client's own limit for the address on its way in, before its answer, so it
  // didn't count against the address's limit across all clients; a request over a limit schedules nothing
  // (password-recovery.test.ts shows that without waiting for anything).
  expect(await countedAttempts(STORE_DATABASE_URL, "RESET_REQUEST_PER_EMAIL", shopper.email)).toBe(3);
  expect(await emailsTo(shopper.email)).toHaveLength(3);
});

test("a confirmation that doesn't match shows an inline error and keeps the link usable", async ({ page, shopper }) => {
  await requestResetLink(page, shopper.email);
  await page.goto(resetLinkIn(await waitForEmail(shopper.email)));

  await chooseNewPassword(page, "one new passphrase", "another passphrase");
  const confirmation = page.locator("main form").getByLabel("Confirm new password");
  await expect(confirmation).toHaveAttribute("aria-invalid", "true");
  await expect(confirmation).toHaveAccessibleDescription("The passwords don't match");
  await expect(page.getByRole("heading", { name: "Choose a new password" })).toBeVisible();

  await chooseNewPassword(page, "one new passphrase");
  await expect(page).toHaveURL(/\/login\?notice=password-reset$/);
});

test("a new password that is too short or too common is explained next to the field", async ({ page, shopper }) => {
  await requestResetLink(page, shopper.email);
  await page.goto(resetLinkIn(await waitForEmail(shopper.email)));
  const password = page.locator("main form").getByLabel("New password", { exact: true });

  await chooseNewPassword(page, "short");
  await expect(password).toHaveAttribute("aria-invalid", "true");
  await expect(password).toHaveAccessibleDescription(new RegExp(`Use at least ${PASSWORD_MIN_LENGTH} characters`));

  await chooseNewPassword(page, "password123");
  await expect(password).toHaveAccessibleDescription(/one of the most common passwords/);
  await expect(page.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
});

test("a broken or tampered link gets a friendly explanation, never an error page", async ({ page, shopper }) => {
  await requestResetLink(page, shopper.email);
  const link = new URL(resetLinkIn(await waitForEmail(shopper.email)));
  const token = link.searchParams.get("token") ?? "";

  const broken = [
    "/reset-password?email=" + encodeURIComponent(shopper.email),
    `/reset-password?token=${token.slice(0, 20)}&email=${encodeURIComponent(shopper.email)}`,
    `/reset-password?token=${token}&email=someone-else%40example.com`,
    `/reset-password?token=${token}&token=${token}&email=${encodeURIComponent(shopper.email)}`,
    `/reset-password?token=${"%F0%9F%94%91".repeat(43)}&email=%E2%9C%89`,
    `/reset-password?token=${"A".repeat(4000)}&email=${"b".repeat(3000)}`,
  ];
  for (const path of broken) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await expect(page.getByRole("heading", { name: "This reset link doesn't work" }), path).toBeVisible();
    expect(page.url(), "a broken link leaves the URL too").not.toContain("token=");
  }
  // Without any link, the page explains how to get back to one.
  await page.context().clearCookies();
  await page.goto("/reset-password");
  await expect(page.getByRole("heading", { name: "Open your reset link again" })).toBeVisible();
  // None of that used the real link up.
  await page.goto(link.toString());
  await expect(page.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
});
