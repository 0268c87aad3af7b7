import "server-only";
import { type Locale, localePath } from "@/i18n/locales.mjs";
import { getConfig } from "../env";

/**
 * Every link the emails carry is built here, only from APP_URL, never from a request's Host or X-Forwarded-Host, and
 * in the email's language: a German email's links open German pages (/de/reset-password?…).
 */
function appLink(locale: Locale, path: string, query: Record<string, string> = {}): string {
  const url = new URL(localePath(locale, path), getConfig().appUrl);
  for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
  return url.toString();
}

/** The reset link: the landing page reads both parameters. */
export const buildResetUrl = (locale: Locale, token: string, email: string) => appLink(locale, "/reset-password", { token, email });

/** Where a shopper enters the code from the email, on whatever device they are shopping on. */
export const buildResetCodeUrl = (locale: Locale) => appLink(locale, "/reset-password/code");

/** The "This wasn't me" link in an account-changed email. */
export const buildNotMeUrl = (locale: Locale, alertToken: string) => appLink(locale, "/account/not-me", { token: alertToken });

/** Sign-up's link: a route that moves the token into a cookie and opens the page to finish (register/open). */
export const buildSignUpUrl = (locale: Locale, token: string, email: string) => appLink(locale, "/register/open", { token, email });

/** Where a sign-up's code is entered, on whatever device the shopper is on. */
export const buildSignUpCodeUrl = (locale: Locale) => appLink(locale, "/register/code");

/** An email change's link, mailed to the new address (account/email/open). */
export const buildEmailChangeUrl = (locale: Locale, token: string, email: string) => appLink(locale, "/account/email/open", { token, email });

export const buildAccountUrl = (locale: Locale) => appLink(locale, "/account");
export const buildSignInUrl = (locale: Locale) => appLink(locale, "/login");
export const buildForgotPasswordUrl = (locale: Locale) => appLink(locale, "/forgot-password");
