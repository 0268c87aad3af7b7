import { chooseNewPassword, expect, register, requestResetLink, signIn, test } from "./fixtures";
import { expireResetLinks } from "./support/database";
import { emailsTo, resetLinkIn, waitForEmail } from "./support/inbox";
import { STORE_DATABASE_URL, STORE_URL } from "./support/servers";

// Every test here runs twice: with JavaScript ("js" project) and without it ("no-js"), where each form is a plain
// POST and each step a full page load.

test("a shopper who forgot their password gets back in with the emailed link", async ({ page, newShopper }) => {
  const shopper = newShopper();
  const newPassword = "my brand new passphrase";

  await test.step("register, then sign out", async () => {
    await register(page, shopper);
    await expect(page).toHaveURL(/\/account$/);
    await expect(page.getByRole("heading", { name: `Hello, ${shopper.name}` })).toBeVisible();
    await page.getByRole("button", { name: "Sign out" }).click();
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
    expect(email.subject).toBe("Reset your Juniper Goods password");
    expect(email.text).toContain("This link lasts 30 minutes and works once.");
    expect(email.text).toContain("Didn't ask for this?");
    const link = resetLinkIn(email);
    expect(link.startsWith(`${STORE_URL}/reset-password?token=`)).toBe(true);
    expect(email.html).toContain(link.replaceAll("&", "&amp;"));
    return link;
  });

  await test.step("follow the link and choose a new password", async () => {
    await page.goto(link);
    await expect(page.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
    await expect(page.getByText(shopper.email)).toBeVisible();
    await chooseNewPassword(page, newPassword);
    await expect(page).toHaveURL(/\/login\?notice=password-reset$/);
    await expect(page.getByRole("status")).toHaveText("Your password has been changed. Sign in with your new password.");
  });

  await test.step("the old password no longer works", async () => {
    await signIn(page, { email: shopper.email, password: shopper.password });
    await expect(page.locator("main form").getByRole("alert")).toHaveText("The email or password is incorrect.");
    await expect(page).toHaveURL(/\/login/);
  });

  await test.step("the new password signs in", async () => {
    await signIn(page, { email: shopper.email, password: newPassword });
    await expect(page).toHaveURL(/\/account$/);
    await expect(page.getByText(shopper.email)).toBeVisible();
  });

  await test.step("the same link never works again", async () => {
    await page.goto(link);
    await expect(page.getByRole("heading", { name: "This reset link has already been used" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Send me a new link" })).toHaveAttribute("href", "/forgot-password");
  });
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
  expect(known.url).toBe(`${STORE_URL}/forgot-password`);
  expect(known.status).toBe(200);

  await waitForEmail(shopper.email);
  expect(await emailsTo(unknownEmail)).toEqual([]);
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

test("a new password that is too short is explained next to the field", async ({ page, shopper }) => {
  await requestResetLink(page, shopper.email);
  await page.goto(resetLinkIn(await waitForEmail(shopper.email)));

  await chooseNewPassword(page, "short");
  const password = page.locator("main form").getByLabel("New password", { exact: true });
  await expect(password).toHaveAttribute("aria-invalid", "true");
  await expect(password).toHaveAccessibleDescription(/Use at least 8 characters/);
});

test("a broken or tampered link gets a friendly explanation, never an error page", async ({ page, shopper }) => {
  await requestResetLink(page, shopper.email);
  const link = new URL(resetLinkIn(await waitForEmail(shopper.email)));
  const token = link.searchParams.get("token") ?? "";

  const broken = [
    "/reset-password",
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
  }
  // None of that used the real link up.
  await page.goto(link.toString());
  await expect(page.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
});
