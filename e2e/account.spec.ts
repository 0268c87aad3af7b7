import { expect, fillSignInForm, signIn, signInOnAnotherDevice, test } from "./fixtures";
import { notMeLinkIn, waitForEmailWithSubject } from "./support/inbox";
import { postForm, readForm, signsIn, submitForm } from "./support/form-post";
import { STORE_URL } from "./support/servers";

test("a signed-out visitor to /account is sent to sign in, then back to their account", async ({ page, shopper }) => {
  await page.goto("/account");
  await expect(page).toHaveURL(/\/login\?returnTo=(%2F|\/)account$/);
  await fillSignInForm(page, shopper);
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("heading", { name: `Hello, ${shopper.name}` })).toBeVisible();
});

for (const returnTo of ["%2F%09%2Fevil.example", "%2F%09%5Cevil.example", "%2F%0A"]) {
  test(`a returnTo of ${returnTo} leaves the shopper in the store after signing in`, async ({ page, shopper }) => {
    await page.goto(`/login?returnTo=${returnTo}`);
    await fillSignInForm(page, shopper);
    await expect(page).toHaveURL(`${STORE_URL}/account`);
    await expect(page.getByRole("heading", { name: `Hello, ${shopper.name}` })).toBeVisible();
  });
}

test("signing out ends the session on the server: a copy of the cookie stops working", async ({ page, browser, shopper }) => {
  await signIn(page, shopper);
  await expect(page).toHaveURL(/\/account$/);
  const copied = await browser.newContext({ storageState: await page.context().storageState() });
  const copiedTab = await copied.newPage();
  await copiedTab.goto("/account");
  await expect(copiedTab.getByRole("heading", { name: `Hello, ${shopper.name}` })).toBeVisible();

  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page.getByRole("status")).toHaveText("You've been signed out.");
  await page.goto("/account");
  await expect(page).toHaveURL(/\/login/);
  await copiedTab.goto("/account");
  await expect(copiedTab).toHaveURL(/\/login/);
  await copied.close();
});

test("two devices: one sees both under 'Where you're signed in' and signs the other out", async ({ page, browser, shopper }) => {
  const { device: phone, tab: phoneTab } = await signInOnAnotherDevice(browser, shopper);
  await signIn(page, shopper);
  const devices = page.getByRole("region", { name: "Where you're signed in" }).getByRole("listitem");
  await expect(devices).toHaveCount(2);
  await expect(devices.first()).toContainText("This device");
  await expect(devices.first()).toContainText(/Chrome on (Linux|Windows)/);
  await devices.nth(1).getByRole("button", { name: /^Sign out/ }).click();
  await expect(page.getByRole("status")).toHaveText("That device has been signed out.");
  await expect(devices).toHaveCount(1);

  await phoneTab.goto("/account");
  await expect(phoneTab).toHaveURL(/\/login/);
  await page.goto("/account");
  await expect(page.getByRole("heading", { name: `Hello, ${shopper.name}` })).toBeVisible();
  await phone.close();
});

test("'Sign out everywhere else' keeps only this device", async ({ page, browser, shopper }) => {
  const { device: phone, tab: phoneTab } = await signInOnAnotherDevice(browser, shopper);
  await signIn(page, shopper);
  await page.getByRole("button", { name: "Sign out everywhere else" }).click();
  await expect(page.getByRole("status")).toHaveText("You've been signed out everywhere else. This device stays signed in.");
  await expect(page.getByRole("region", { name: "Where you're signed in" }).getByRole("listitem")).toHaveCount(1);
  await phoneTab.goto("/account");
  await expect(phoneTab).toHaveURL(/\/login/);
  await phone.close();
});

test("a wrong password and an unknown email get the same clear message", async ({ page, shopper, newShopper }) => {
  await signIn(page, { email: shopper.email, password: "not the password" });
  const alert = page.locator("main form").getByRole("alert");
  await expect(alert).toHaveText("The email or password is incorrect.");
  await expect(page.locator("main form").getByLabel("Email")).toHaveValue(shopper.email);

  await signIn(page, { email: newShopper().email, password: "not the password" });
  await expect(alert).toHaveText("The email or password is incorrect.");
});

test("changing the password on the account page signs out other devices and tells the shopper", async ({ page, browser, shopper }) => {
  test.slow(); // a long journey: several sign-ins, emails and page loads
  const { device: phone, tab: phoneTab } = await signInOnAnotherDevice(browser, shopper);

  await signIn(page, shopper);
  const form = page.getByRole("form", { name: "Change password" });
  await form.getByLabel("Current password").fill(shopper.password);
  await form.getByLabel("New password", { exact: true }).fill("changed on the account page");
  await form.getByLabel("Confirm new password").fill("changed on the account page");
  await form.getByRole("button", { name: "Change password" }).click();

  // This device stays signed in; the other one is out.
  await expect(page.getByRole("status")).toHaveText("Your password has been changed. We've emailed you to confirm.");
  await phoneTab.goto("/account");
  await expect(phoneTab).toHaveURL(/\/login/);
  await phone.close();

  const notice = await waitForEmailWithSubject(shopper.email, "Your Juniper Goods password was changed");
  expect(notMeLinkIn(notice)).toContain("/account/not-me?token=");
  await signIn(page, { email: shopper.email, password: "changed on the account page" });
  await expect(page).toHaveURL(/\/account$/);
});

test("changing the password when this client's sign-in budget is all but spent changes it, and this device stays signed in", async ({ page, playwright, request, shopper }) => {
  test.slow(); // fifty sign-in attempts first
  await signIn(page, shopper);
  // 48 more attempts from this client (other addresses): the password confirmation below is its 50th and last.
  for (let attempt = 0; attempt < 48; attempt += 1) {
    await postForm(request, `${STORE_URL}/login`, { email: `sprayed-${attempt}@example.com`, password: "not it" });
  }
  const form = page.getByRole("form", { name: "Change password" });
  await form.getByLabel("Current password").fill(shopper.password);
  await form.getByLabel("New password", { exact: true }).fill("changed near the limit");
  await form.getByLabel("Confirm new password").fill("changed near the limit");
  await form.getByRole("button", { name: "Change password" }).click();
  // This device's session is kept, so no 51st attempt is needed to stay signed in.
  await expect(page).toHaveURL(/\/account\?notice=password-changed$/);
  await expect(page.getByRole("status")).toHaveText("Your password has been changed. We've emailed you to confirm.");
  const elsewhere = await playwright.request.newContext({ extraHTTPHeaders: { "X-Forwarded-For": "198.18.99.7" } });
  expect(await signsIn(elsewhere, STORE_URL, shopper.email, "changed near the limit")).toBe(true);
  await elsewhere.dispose();
});

test("a wrong current password is explained next to the field", async ({ page, shopper }) => {
  await signIn(page, shopper);
  const form = page.getByRole("form", { name: "Change password" });
  await form.getByLabel("Current password").fill("not the current one");
  await form.getByLabel("New password", { exact: true }).fill("changed on the account page");
  await form.getByLabel("Confirm new password").fill("changed on the account page");
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByLabel("Current password")).toHaveAccessibleDescription("That isn't your current password");
});

test("the account page lists recent security activity", async ({ page, shopper }) => {
  await signIn(page, { email: shopper.email, password: "a wrong guess" });
  await signIn(page, shopper);
  const activity = page.getByRole("region", { name: "Recent security activity" }).getByRole("listitem");
  await expect(activity.first()).toContainText("Signed in");
  await expect(activity.nth(1)).toContainText("Wrong password entered");
  await expect(activity.first()).toContainText(/Chrome on (Windows|Linux)/);
  await expect(activity.first()).toContainText(/198\.51\.\d+\.\d+/);
});

test("too many wrong passwords leads to a clear page saying how long to wait", async ({ page, request, shopper }) => {
  // Nine wrong guesses posted straight at the form (the same client, as a script would send them), the tenth and
  // then the right password in the page.
  const form = await readForm(request, `${STORE_URL}/login`);
  for (let attempt = 1; attempt <= 9; attempt += 1) {
    const guess = await submitForm(request, form, { email: shopper.email, password: `wrong guess ${attempt}` });
    expect(await guess.text(), `guess ${attempt}`).toContain("The email or password is incorrect.");
  }
  await signIn(page, { email: shopper.email, password: "wrong guess 10" });
  await expect(page.locator("main form").getByRole("alert")).toHaveText("The email or password is incorrect.");
  await signIn(page, shopper);
  await expect(page.getByRole("heading", { name: "Too many attempts" })).toBeVisible();
  await expect(page.getByText(/Please try again in \d+ minutes?\./)).toBeVisible();
  await page.getByRole("link", { name: "Back to sign in" }).click();
  await expect(page).toHaveURL(/\/login$/);
});

test("an empty sign-up form explains its field", async ({ page }) => {
  await page.goto("/register");
  await page.locator("main form").getByRole("button", { name: "Continue" }).click();
  const email = page.locator("main form").getByLabel("Email");
  await expect(email).toHaveAccessibleDescription("Enter your email address");
  await expect(email).toBeFocused();
});
