import "server-only";
import { getConfig } from "../env";

/** Every link the emails carry is built here, only from APP_URL, never from a request's Host or X-Forwarded-Host. */
function appLink(path: string, query: Record<string, string> = {}): string {
  const url = new URL(path, getConfig().appUrl);
  for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
  return url.toString();
}

/** The reset link: the landing page reads both parameters. */
export const buildResetUrl = (token: string, email: string) => appLink("/reset-password", { token, email });

/** Where a shopper enters the code from the email, on whatever device they are shopping on. */
export const buildResetCodeUrl = () => appLink("/reset-password/code");

/** The "This wasn't me" link in an account-changed email. */
export const buildNotMeUrl = (alertToken: string) => appLink("/account/not-me", { token: alertToken });

/** Sign-up's link: a route that moves the token into a cookie and opens the page to finish (register/open). */
export const buildSignUpUrl = (token: string, email: string) => appLink("/register/open", { token, email });

/** Where a sign-up's code is entered, on whatever device the shopper is on. */
export const buildSignUpCodeUrl = () => appLink("/register/code");

/** An email change's link, mailed to the new address (account/email/open). */
export const buildEmailChangeUrl = (token: string, email: string) => appLink("/account/email/open", { token, email });

export const buildAccountUrl = () => appLink("/account");
export const buildSignInUrl = () => appLink("/login");
export const buildForgotPasswordUrl = () => appLink("/forgot-password");
