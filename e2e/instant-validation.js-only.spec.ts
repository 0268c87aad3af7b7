import { expect, test } from "./fixtures";

// With JavaScript, the same rules the server applies are checked as the shopper types, with no round trip.

test("fields are checked as the shopper leaves them, without a request to the server", async ({ page }) => {
  await page.goto("/register");
  const posts: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST") posts.push(request.url());
  });
  const form = page.locator("main form");

  await form.getByLabel("Email").fill("not-an-email");
  await form.getByLabel("Password").focus();
  await expect(form.getByLabel("Email")).toHaveAccessibleDescription("Enter an email address like name@example.com");

  await form.getByLabel("Password").fill("short");
  await form.getByLabel("Name").focus();
  await expect(form.getByLabel("Password")).toHaveAccessibleDescription(/Use at least 8 characters/);

  // Once a field has been checked, fixing it clears the message as the shopper types.
  await form.getByLabel("Email").fill("fixed@example.com");
  await expect(form.getByLabel("Email")).not.toHaveAttribute("aria-invalid", "true");
  expect(posts).toEqual([]);
});

test("submitting an invalid form focuses the first problem and sends nothing", async ({ page }) => {
  await page.goto("/forgot-password");
  const posts: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST") posts.push(request.url());
  });
  const form = page.locator("main form");
  await form.getByLabel("Email").fill("nobody@");
  await form.getByRole("button", { name: "Send reset link" }).click();
  await expect(form.getByLabel("Email")).toBeFocused();
  await expect(form.getByLabel("Email")).toHaveAccessibleDescription("Enter an email address like name@example.com");
  expect(posts).toEqual([]);
});

test("a strength meter appears as a new password is typed, loaded only then", async ({ page }) => {
  const scripts: string[] = [];
  page.on("request", (request) => {
    if (request.resourceType() === "script") scripts.push(request.url());
  });
  await page.goto("/register");
  await page.waitForLoadState("networkidle");
  const loadedWithThePage = scripts.length;

  const form = page.locator("main form");
  await form.getByLabel("Password").fill("aaaaaaaa");
  await expect(form.getByText(/^Password strength: (Very weak|Weak)$/)).toBeVisible();
  expect(scripts.length, "the estimator is fetched when the shopper types, not with the page").toBeGreaterThan(loadedWithThePage);

  await form.getByLabel("Password").fill("harbour lantern juniper velvet");
  await expect(form.getByText("Password strength: Strong")).toBeVisible();
});
