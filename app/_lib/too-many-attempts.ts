import { redirect } from "next/navigation";
import { type Locale, localePath } from "@/i18n/locales.mjs";

/** The pages a rate-limited form can send the shopper back to from the 429 page, each with its link's message. */
export const TOO_MANY_ATTEMPTS_RETURNS = {
  "/login": "signIn",
  "/reset-password/code": "resetCode",
  "/register/code": "signUpCode",
  "/account": "account",
} as const;
export type TooManyAttemptsReturn = keyof typeof TOO_MANY_ATTEMPTS_RETURNS;

/** Sends a rate-limited form submission to the 429 page, in its language, which says how long to wait and sets Retry-After. */
export function redirectToTooManyAttempts(locale: Locale, retryAfterSeconds: number, from: TooManyAttemptsReturn): never {
  redirect(localePath(locale, `/too-many-attempts?retryAfter=${retryAfterSeconds}&from=${encodeURIComponent(from)}`));
}
