import { expect, newDevice, signIn, test, type Shopper } from "./fixtures";
import { seedCustomers } from "./support/database";
import { emailChangeLinkIn, notMeLinkIn, resetLinkIn, verificationCodeIn, waitForEmailWithSubject } from "./support/inbox";
import { STORE_DATABASE_URL } from "./support/servers";
import type { Page } from "@playwright/test";
import { chooseNewPassword } from "./fixtures";

const REQUESTED_SUBJECT = "Someone asked to change your Juniper Goods email address";
const CONFIRM_SUBJECT = "Confirm your new Juniper Goods email address";
const SENT_NOTICE = "Check the inbox of your new address: we've sent it a link and a code. We've told your current address, too.";

async function askForEmailChange(page: Page, shopper: Shopper, newEmail: string) {
  await signIn(page, shopper);
  const form = page.getByRole("form", { name: "Change email address" });
  await form.getByLabel("New email address").fill(newEmail);
  await form.getByLabel("Current password").fill(shopper.password);
  await form.getByRole("button", { name: "Send confirmation" }).click();
  await expect(page.getByRole("status")).toHaveText(SENT_NOTICE);
}

const emailPanel = (page: Page) => page.getByRole("region", { name: "Change your email address" });
const shownEmail = (page: Page) => page.getByRole("region", { name: "Your details" }).getByRole("definition").nth(1);

async function enterCode(page: Page, code: string) {
  const form = page.getByRole("form", { name: "Confirm new email address" });
  await form.getByLabel("Code from the email").fill(code);
  await form.getByRole("button", { name: "Confirm new address" }).click();
}

test("email change by link: nothing changes until the new address confirms, on any device", async ({ page, browser, shopper, newShopper }) => {
  const newEmail = newShopper().email;
  await askForEmailChange(page, shopper, newEmail);
  await expect(shownEmail(page)).toHaveText(shopper.email);
  await expect(emailPanel(page)).toContainText(`We've sent a link and a code to ${newEmail}`);

  const warning = await waitForEmailWithSubject(shopper.email, REQUESTED_SUBJECT);
  expect(warning.text).toContain(`${newEmail.slice(0, 1)}•••@example.com`);
  expect(warning.text).not.toContain(newEmail);

  // The link opens on a device that isn't signed in.
  const confirmation = await waitForEmailWithSubject(newEmail, CONFIRM_SUBJECT);
  const elsewhere = await newDevice(browser);
  const tab = await elsewhere.newPage();
  await tab.goto(emailChangeLinkIn(confirmation));
  await expect(tab).toHaveURL(/\/account\/email\/confirm$/);
  await tab.getByRole("button", { name: `Confirm ${newEmail}` }).click();
  await expect(tab.getByRole("status")).toHaveText("Your email address has been changed. Sign in with your new address.");
  await elsewhere.close();

  await page.goto("/account");
  await expect(shownEmail(page)).toHaveText(newEmail);
  await waitForEmailWithSubject(shopper.email, "Your Juniper Goods email address was changed");
});

test("email change by code, entered on the account page", async ({ page, shopper, newShopper }) => {
  const newEmail = newShopper().email;
  await askForEmailChange(page, shopper, newEmail);
  await enterCode(page, verificationCodeIn(await waitForEmailWithSubject(newEmail, CONFIRM_SUBJECT)));
  await expect(page.getByRole("status")).toHaveText("Your email address has been changed. We've told your previous address, too.");
  await expect(shownEmail(page)).toHaveText(newEmail);
});

test("email change to a taken address: the same answer, and its owner gets a notice instead", async ({ page, browser, shopper, newShopper, storeDatabaseUrl }) => {
  const owner = newShopper();
  await seedCustomers(storeDatabaseUrl, [owner.email], owner.password, "Address Owner");
  const free = newShopper().email;

  // The same pages for a free address and a taken one, apart from the address itself.
  const other = { ...newShopper(), name: "Other Shopper" };
  await seedCustomers(storeDatabaseUrl, [other.email], other.password, other.name);
  const device = await newDevice(browser);
  const otherTab = await device.newPage();
  await askForEmailChange(otherTab, other, free);
  await askForEmailChange(page, shopper, owner.email);
  const panelText = async (tab: Page, email: string) => (await emailPanel(tab).innerText()).replace(email, "<new>").replace(/by .+ UTC/, "by <time>");
  expect(await panelText(page, owner.email)).toEqual(await panelText(otherTab, free));
  expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe(new URL(otherTab.url()).pathname + new URL(otherTab.url()).search);
  await device.close();

  const notice = await waitForEmailWithSubject(owner.email, "Your Juniper Goods address is already in use");
  expect(notice.text).not.toMatch(/account\/email\/open/);
  await waitForEmailWithSubject(shopper.email, REQUESTED_SUBJECT);
  await enterCode(page, "2222-2222");
  await expect(page.getByRole("form", { name: "Confirm new email address" }).getByRole("alert")).toHaveText(/That code isn't right/);
  await expect(shownEmail(page)).toHaveText(shopper.email);
});

test("the old address cancels a change it didn't ask for, and the account is secured", async ({ page, shopper, newShopper }) => {
  const intruderEmail = newShopper().email;
  await askForEmailChange(page, shopper, intruderEmail);
  const confirmation = await waitForEmailWithSubject(intruderEmail, CONFIRM_SUBJECT);

  const warning = await waitForEmailWithSubject(shopper.email, REQUESTED_SUBJECT);
  await page.goto(notMeLinkIn(warning));
  await expect(page.getByText("cancel the change of email address")).toBeVisible();
  await page.getByRole("button", { name: "Yes, secure my account" }).click();
  await expect(page.getByRole("heading", { name: "Your account is secure" })).toBeVisible();

  await page.goto(emailChangeLinkIn(confirmation));
  await expect(page.getByRole("heading", { name: "This confirmation link was replaced" })).toBeVisible();
  await waitForEmailWithSubject(shopper.email, "Reset your Juniper Goods password");
});

test("the shopper can cancel a pending change on the account page", async ({ page, shopper, newShopper }) => {
  await askForEmailChange(page, shopper, newShopper().email);
  await emailPanel(page).getByRole("button", { name: "Cancel this change" }).click();
  await expect(page.getByRole("status")).toHaveText("The change of email address is cancelled. Your address stays as it was.");
  await expect(page.getByRole("form", { name: "Change email address" })).toBeVisible();
});

test("'This wasn't me' after a change, with the old address since taken by an unverified account, returns it to its owner", async ({ page, shopper, newShopper }) => {
  test.slow(); // a long journey: a change, a report, a reset
  const intruderEmail = newShopper().email;
  await askForEmailChange(page, shopper, intruderEmail);
  await enterCode(page, verificationCodeIn(await waitForEmailWithSubject(intruderEmail, CONFIRM_SUBJECT)));
  await expect(shownEmail(page)).toHaveText(intruderEmail);
  // The old address, claimed by an account that never proved it (made before sign-up confirmed addresses).
  await seedCustomers(STORE_DATABASE_URL, [shopper.email], "the squatter's password", "Squatter", { verified: false });

  const warning = await waitForEmailWithSubject(shopper.email, "Your Juniper Goods email address was changed");
  await page.goto(notMeLinkIn(warning));
  await page.getByRole("button", { name: "Yes, secure my account" }).click();
  await expect(page.getByRole("heading", { name: "Your account is secure" })).toBeVisible();

  const reset = await waitForEmailWithSubject(shopper.email, "Reset your Juniper Goods password");
  await page.goto(resetLinkIn(reset));
  await chooseNewPassword(page, "back in control now");
  await signIn(page, { email: shopper.email, password: "back in control now" });
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("heading", { name: `Hello, ${shopper.name}` })).toBeVisible();
});
