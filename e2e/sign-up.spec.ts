import { expect, finishSignUp, signIn, startSignUp, test } from "./fixtures";
import { signUpLinkIn, verificationCodeIn, waitForEmailWithSubject } from "./support/inbox";

const FINISH_SUBJECT = "Finish creating your Juniper Goods account";

test("sign-up with a new address, finished by the emailed link", async ({ page, newShopper }) => {
  const shopper = { ...newShopper(), name: "Zoë Ōta-Smith" };
  await startSignUp(page, `  ${shopper.email.toUpperCase()} `);
  const email = await waitForEmailWithSubject(shopper.email, FINISH_SUBJECT);
  await page.goto(signUpLinkIn(email));
  // The token has left the address bar.
  await expect(page).toHaveURL(/\/register\/complete$/);
  await expect(page.getByText(`Your email address is confirmed: ${shopper.email}`)).toBeVisible();
  await finishSignUp(page, shopper);

  await expect(page).toHaveURL(/\/account\?notice=account-created$/);
  await expect(page.getByRole("status")).toHaveText("Welcome! Your account is ready, and you're signed in.");
  const details = page.getByRole("region", { name: "Your details" });
  await expect(details.getByRole("definition")).toHaveText([shopper.name, shopper.email]);

  // The link worked once.
  await page.goto(signUpLinkIn(email));
  await expect(page.getByRole("heading", { name: "This sign-up link has already been used" })).toBeVisible();
});

test("sign-up with a new address, finished by the code on another device", async ({ page, newShopper }) => {
  const shopper = newShopper();
  await startSignUp(page, shopper.email);
  const email = await waitForEmailWithSubject(shopper.email, FINISH_SUBJECT);
  await page.getByRole("link", { name: "enter here" }).click();
  const form = page.locator("main form");
  await form.getByLabel("Email").fill(shopper.email);
  await form.getByLabel("Code").fill(verificationCodeIn(email).toLowerCase());
  await form.getByRole("button", { name: "Continue" }).click();
  await finishSignUp(page, shopper);
  await expect(page).toHaveURL(/\/account\?notice=account-created$/);
  await expect(page.getByRole("heading", { name: `Hello, ${shopper.name}` })).toBeVisible();
});

test("sign-up with a taken address looks the same, mails the owner, and leaves their account as it was", async ({ page, shopper, newShopper }) => {
  await startSignUp(page, newShopper().email);
  const fresh = { url: page.url(), text: await page.locator("main").innerText() };
  await startSignUp(page, shopper.email);
  expect({ url: page.url(), text: await page.locator("main").innerText() }).toEqual(fresh);

  const notice = await waitForEmailWithSubject(shopper.email, "You already have a Juniper Goods account");
  expect(notice.text).toContain("Someone tried to create a new Juniper Goods account with this address");
  expect(notice.text).toMatch(/\/login\b/);
  expect(notice.text).toMatch(/\/forgot-password\b/);
  expect(notice.text).not.toMatch(/register\/open/);

  await signIn(page, shopper);
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("heading", { name: `Hello, ${shopper.name}` })).toBeVisible();
});

test("a wrong sign-up code is refused without saying why", async ({ page, newShopper }) => {
  const shopper = newShopper();
  await startSignUp(page, shopper.email);
  await waitForEmailWithSubject(shopper.email, FINISH_SUBJECT);
  await page.goto("/register/code");
  const form = page.locator("main form");
  await form.getByLabel("Email").fill(shopper.email);
  await form.getByLabel("Code").fill("2222-2222");
  await form.getByRole("button", { name: "Continue" }).click();
  await expect(form.getByRole("alert")).toHaveText(/That code isn't right, or it has expired/);
});

test("the finishing page without a link or code says how to get one", async ({ page }) => {
  await page.goto("/register/complete");
  await expect(page.getByRole("heading", { name: "Open the link from your email" })).toBeVisible();
  await page.goto("/register/open?token=not-a-token&email=someone%40example.com");
  await expect(page.getByRole("heading", { name: "This sign-up link doesn't work" })).toBeVisible();
});
