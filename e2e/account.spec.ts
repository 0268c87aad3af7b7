import { expect, fillSignInForm, register, signIn, test } from "./fixtures";

test("a signed-out visitor to /account is sent to sign in, then back to their account", async ({ page, shopper }) => {
  await page.goto("/account");
  await expect(page).toHaveURL(/\/login\?returnTo=(%2F|\/)account$/);
  await fillSignInForm(page, shopper);
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("heading", { name: `Hello, ${shopper.name}` })).toBeVisible();
});

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
