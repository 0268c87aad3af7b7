import { expect } from "@playwright/test";
import { CAPTURE_URL } from "./servers";

export { emailChangeLinkIn, notMeLinkIn, resetCodeIn, resetLinkIn, signUpLinkIn, verificationCodeIn } from "../../test/email-links";

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
    .poll(async () => (emails = await emailsTo(address)).length, {
      message: `waiting for email #${count} to ${address}`,
      intervals: [100, 200, 300, 500],
    })
    .toBeGreaterThanOrEqual(count);
  return emails[count - 1] as CapturedEmail;
}

/** Waits for the newest email to the address whose subject matches. */
export async function waitForEmailWithSubject(address: string, subject: string | RegExp): Promise<CapturedEmail> {
  let found: CapturedEmail | undefined;
  await expect
    .poll(
      async () => {
        const emails = await emailsTo(address);
        found = emails.reverse().find((email) => (typeof subject === "string" ? email.subject === subject : subject.test(email.subject)));
        return Boolean(found);
      },
      { message: `waiting for "${subject}" to ${address}`, intervals: [100, 200, 300, 500] },
    )
    .toBe(true);
  return found as CapturedEmail;
}
