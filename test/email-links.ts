/**
 * What a shopper finds in an email's plain-text part: the reset link, the code, the "This wasn't me" link. One copy
 * for the unit suite (dev-mailbox messages) and the browser suite (captured Resend messages); each throws unless
 * the email holds exactly one, so a test never follows the wrong link.
 */
type Email = string | { text: string };
const textOf = (email: Email) => (typeof email === "string" ? email : email.text);

function exactlyOne(email: Email, pattern: RegExp, what: string): string {
  const found = textOf(email).match(pattern) ?? [];
  if (found.length !== 1) throw new Error(`expected exactly one ${what} in the email, found ${found.length}`);
  return found[0] as string;
}

export function resetLinkIn(email: Email): string {
  return exactlyOne(email, /https?:\/\/\S+\/reset-password\?\S+/g, "reset link");
}

export function notMeLinkIn(email: Email): string {
  return exactlyOne(email, /https?:\/\/\S+\/account\/not-me\?token=\S+/g, "'This wasn't me' link");
}

/**
 * The code ("7KQ4-XM2P") on a line of its own, as the shopper sees it. Not just any match: the test addresses hold
 * UUIDs, whose digit groups can look like a code, as "4865-4475" once did.
 */
export function resetCodeIn(email: Email): string {
  return exactlyOne(email, /^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/gm, "reset code");
}

/** The link in a sign-up email, to /register/open. */
export function signUpLinkIn(email: Email): string {
  return exactlyOne(email, /https?:\/\/\S+\/register\/open\?\S+/g, "sign-up link");
}

/** The link in an email-change confirmation, to /account/email/open. */
export function emailChangeLinkIn(email: Email): string {
  return exactlyOne(email, /https?:\/\/\S+\/account\/email\/open\?\S+/g, "email-change link");
}

/** The code in a sign-up or email-change email: the same shape as a reset code. */
export const verificationCodeIn = resetCodeIn;
