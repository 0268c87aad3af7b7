import { chooseNewPassword, expect, fillSignInForm, register, signIn, signInOnAnotherDevice, test } from "./fixtures";
import { notMeLinkIn, resetLinkIn, waitForEmailWithSubject } from "./support/inbox";
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

test("registering signs the shopper in and shows their name and email", async ({ page, newShopper }) => {
  const shopper = { ...newShopper(), name: "Zoë Ōta-Smith" };
  await register(page, { ...shopper, email: `  ${shopper.email.toUpperCase()} ` });
  await expect(page).toHaveURL(/\/account$/);
  const details = page.getByRole("region", { name: "Your details" });
  await expect(details.getByRole("definition")).toHaveText([shopper.name, shopper.email]);
});

test("signing out ends the session", async ({ page, shopper }) => {
  await signIn(page, shopper);
  await expect(page).toHaveURL(/\/account$/);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("status")).toHaveText("You've been signed out.");
  await page.goto("/account");
  await expect(page).toHaveURL(/\/login/);
});

test("a wrong password and an unknown email get the same clear message", async ({ page, shopper, newShopper }) => {
  await signIn(page, { email: shopper.email, password: "not the password" });
  const alert = page.locator("main form").getByRole("alert");
  await expect(alert).toHaveText("The email or password is incorrect.");
  await expect(page.locator("main form").getByLabel("Email")).toHaveValue(shopper.email);

  await signIn(page, { email: newShopper().email, password: "not the password" });
  await expect(alert).toHaveText("The email or password is incorrect.");
});

test("registering with an email that already has an account says so next to the field", async ({ page, shopper }) => {
  await register(page, { ...shopper, name: "Someone Else" });
  const email = page.locator("main form").getByLabel("Email");
  await expect(email).toHaveAttribute("aria-invalid", "true");
  await expect(email).toHaveAccessibleDescription(/An account already uses this email/);
  await expect(page.locator("main form").getByLabel("Name")).toHaveValue("Someone Else");
});

test("an empty registration form explains every field", async ({ page }) => {
  await page.goto("/register");
  await page.locator("main form").getByRole("button", { name: "Create account" }).click();
  const form = page.locator("main form");
  await expect(form.getByLabel("Name")).toHaveAccessibleDescription("Enter your name");
  await expect(form.getByLabel("Email")).toHaveAccessibleDescription("Enter your email address");
  await expect(form.getByLabel("Password")).toHaveAccessibleDescription(/Enter a password/);
  await expect(form.getByLabel("Name")).toBeFocused();
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

test("changing the password when this client's sign-in budget is all but spent still changes it, then asks to sign in", async ({ page, playwright, request, shopper }) => {
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
  // Signing this device back in would be the 51st attempt: refused, so the shopper is asked to sign in (a 500 before).
  await expect(page).toHaveURL(/\/login(\/password-reset|\?notice=password-reset)$/);
  await expect(page.getByRole("status")).toHaveText("Your password has been changed. Sign in with your new password.");
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

test("changing the email warns the old address, whose 'This wasn't me' puts it back", async ({ page, shopper, newShopper }) => {
  test.slow(); // a long journey: several sign-ins, emails and page loads
  const intruderAddress = newShopper().email;
  await signIn(page, shopper);
  const form = page.getByRole("form", { name: "Change email address" });
  await form.getByLabel("New email address").fill(intruderAddress);
  await form.getByLabel("Current password").fill(shopper.password);
  await form.getByRole("button", { name: "Change email address" }).click();
  await expect(page.getByRole("status")).toHaveText("Your email address has been changed. We've told your previous address, too.");
  await expect(page.getByRole("definition").filter({ hasText: intruderAddress })).toBeVisible();

  const warning = await waitForEmailWithSubject(shopper.email, "Your Juniper Goods email address was changed");
  expect(warning.text).toContain(intruderAddress);
  await page.goto(notMeLinkIn(warning));
  await expect(page.getByText("put your previous email address back")).toBeVisible();
  await page.getByRole("button", { name: "Yes, secure my account" }).click();
  await expect(page.getByRole("heading", { name: "Your account is secure" })).toBeVisible();

  // The fresh reset goes to the restored address, and gets the owner back in.
  const reset = await waitForEmailWithSubject(shopper.email, "Reset your Juniper Goods password");
  await page.goto(resetLinkIn(reset));
  await chooseNewPassword(page, "back in control now");
  await signIn(page, { email: shopper.email, password: "back in control now" });
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("definition").filter({ hasText: shopper.email })).toBeVisible();
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
