import { expect } from "@playwright/test";
import { CAPTURE_URL } from "./servers";

export type CapturedEmail = { id: string; receivedAt: string; from: string; to: string[]; subject: string; html: string; text: string };

/** Every email the capture server received for an address, oldest first. */
export async function emailsTo(address: string): Promise<CapturedEmail[]> {
  const response = await fetch(`${CAPTURE_URL}/__test/messages?to=${encodeURIComponent(address)}`);
  if (!response.ok) throw new Error(`capture server answered ${response.status}`);
  return (await response.json()) as CapturedEmail[];
}

/** Waits (bounded by expect's timeout) until the address has received `count` emails, and returns the newest. */
export async function waitForEmail(address: string, { count = 1 } = {}): Promise<CapturedEmail> {
  let emails: CapturedEmail[] = [];
  await expect
    .poll(async () => (emails = await emailsTo(address)).length, { message: `waiting for email #${count} to ${address}` })
    .toBeGreaterThanOrEqual(count);
  return emails[count - 1] as CapturedEmail;
}

/** The reset link as a shopper finds it: the one link to /reset-password in the plain-text part. */
export function resetLinkIn(email: CapturedEmail): string {
  const links = email.text.match(/https?:\/\/\S+\/reset-password\?\S+/g) ?? [];
  expect(links, "the plain-text part has exactly one reset link").toHaveLength(1);
  return links[0] as string;
}
