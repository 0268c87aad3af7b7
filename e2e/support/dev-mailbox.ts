import { expect, type Page } from "@playwright/test";

/**
 * Opens the newest message to `email` in the dev mailbox, as a developer would: reloading the list until the message
 * is there (mail is sent after the response, within about half a second), then clicking its subject.
 */
export async function openDevMailboxMessage(page: Page, email: string, subject = "Reset your Juniper Goods password") {
  const row = page.getByRole("row").filter({ hasText: email }).filter({ hasText: subject }).first();
  await expect(async () => {
    await page.goto("/dev/mailbox");
    await expect(row).toBeVisible({ timeout: 500 });
  }).toPass({ intervals: [200, 300, 500], timeout: 10_000 });
  await row.getByRole("link", { name: subject }).click();
  await expect(page.locator("pre")).toBeVisible();
}
