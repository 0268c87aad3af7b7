import { PASSWORD_MIN_LENGTH } from "./support/servers";
import { expect, signIn, startOnForm, test } from "./fixtures";

// With JavaScript, the same rules the server applies are checked as the shopper types, with no round trip: React Hook
// Form over app/_lib/field-rules.ts, loaded on the first interaction.

test("fields are checked as the shopper leaves them, without a request to the server", async ({ page, shopper }) => {
  await signIn(page, shopper);
  await expect(page).toHaveURL(/\/account$/);
  const posts: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST") posts.push(request.url());
  });
  const emailForm = page.getByRole("form", { name: "Change email address" });
  await startOnForm(emailForm);
  await emailForm.getByLabel("New email address").fill("not-an-email");
  await emailForm.getByLabel("Current password").focus();
  await expect(emailForm.getByLabel("New email address")).toHaveAccessibleDescription("Enter an email address like name@example.com");

  const passwordForm = page.getByRole("form", { name: "Change password" });
  await passwordForm.getByLabel("New password", { exact: true }).fill("short");
  await passwordForm.getByLabel("Confirm new password").focus();
  await expect(passwordForm.getByLabel("New password", { exact: true })).toHaveAccessibleDescription(new RegExp(`Use at least ${PASSWORD_MIN_LENGTH} characters`));

  // Once a field has been checked, fixing it clears the message as the shopper types.
  await emailForm.getByLabel("New email address").fill("fixed@example.com");
  await expect(emailForm.getByLabel("New email address")).not.toHaveAttribute("aria-invalid", "true");
  expect(posts).toEqual([]);
});

test("submitting an invalid form focuses the first problem and sends nothing", async ({ page }) => {
  await page.goto("/forgot-password");
  const posts: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST") posts.push(request.url());
  });
  const form = page.locator("main form");
  await startOnForm(form);
  await form.getByLabel("Email").fill("nobody@");
  await form.getByRole("button", { name: "Send reset link" }).click();
  await expect(form.getByLabel("Email")).toBeFocused();
  await expect(form.getByLabel("Email")).toHaveAccessibleDescription("Enter an email address like name@example.com");
  expect(posts).toEqual([]);
});

test("a strength meter appears as a new password is typed, loaded only then", async ({ page, shopper }) => {
  await signIn(page, shopper);
  await expect(page).toHaveURL(/\/account$/);
  const scripts: string[] = [];
  page.on("request", (request) => {
    if (request.resourceType() === "script") scripts.push(request.url());
  });
  await page.reload();
  await page.waitForLoadState("networkidle");
  const loadedWithThePage = scripts.length;

  const form = page.getByRole("form", { name: "Change password" });
  await startOnForm(form);
  await form.getByLabel("New password", { exact: true }).fill("aaaaaaaa");
  await expect(form.getByText(/^Password strength: (Very weak|Weak)$/)).toBeVisible();
  expect(scripts.length, "the estimator is fetched when the shopper types, not with the page").toBeGreaterThan(loadedWithThePage);

  await form.getByLabel("New password", { exact: true }).fill("harbour lantern juniper velvet");
  await expect(form.getByText("Password strength: Strong")).toBeVisible();
});

test("a problem the server finds (a wrong current password) shows on its field, and clears as the shopper edits it", async ({ page, shopper }) => {
  await signIn(page, shopper);
  await expect(page).toHaveURL(/\/account$/);
  const form = page.getByRole("form", { name: "Change password" });
  await startOnForm(form);
  const posts: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST") posts.push(request.url());
  });
  await form.getByLabel("Current password").fill("not my password");
  await form.getByLabel("New password", { exact: true }).fill("harbour lantern juniper velvet");
  await form.getByLabel("Confirm new password").fill("harbour lantern juniper velvet");
  await form.getByRole("button", { name: "Change password" }).click();

  const current = form.getByLabel("Current password");
  await expect(current).toHaveAttribute("aria-invalid", "true");
  await expect(current).toHaveAccessibleDescription("That isn't your current password");
  await expect(current, "focus moves to the field the server refused").toBeFocused();
  await expect(page, "answered in place, through the action, not by a page load").toHaveURL(/\/account$/);
  expect(posts.length, "one submission, sent by the form's code").toBe(1);

  await current.fill("now something else");
  await expect(current, "the server's message no longer applies once the field is edited").not.toHaveAttribute("aria-invalid", "true");
});

test("the browser checks the minimum length the server is configured with, and the server agrees", async ({ page, shopper }) => {
  // `npm test` builds with PASSWORD_MIN_LENGTH=10 (not the default 8): the number reaches the page from the server.
  await signIn(page, shopper);
  await expect(page).toHaveURL(/\/account$/);
  const posts: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST") posts.push(request.url());
  });
  const form = page.getByRole("form", { name: "Change password" });
  await startOnForm(form);
  const password = form.getByLabel("New password", { exact: true });
  await expect(password).toHaveAccessibleDescription(new RegExp(`At least ${PASSWORD_MIN_LENGTH} characters`));

  const oneShort = "x".repeat(PASSWORD_MIN_LENGTH - 2).concat("!");
  await password.fill(oneShort);
  await form.getByLabel("Confirm new password").focus();
  await expect(password).toHaveAttribute("aria-invalid", "true");
  await expect(password).toHaveAccessibleDescription(new RegExp(`Use at least ${PASSWORD_MIN_LENGTH} characters`));
  expect(posts, "refused in the browser, with no request").toEqual([]);

  // Exactly the minimum passes the browser's check, and the server takes it.
  const justEnough = "tern lake!".padEnd(PASSWORD_MIN_LENGTH, "q");
  await form.getByLabel("Current password").fill(shopper.password);
  await password.fill(justEnough);
  await form.getByLabel("Confirm new password").fill(justEnough);
  await expect(password).not.toHaveAttribute("aria-invalid", "true");
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(page).toHaveURL(/\/account\?notice=password-changed$/);
  expect(posts).toHaveLength(1);
});
