"use server";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { type FormState, formText } from "@/app/_lib/form-state";
import { redirectToTooManyAttempts } from "@/app/_lib/too-many-attempts";
import { changeEmailSchema, changePasswordSchema, emailChangeCodeSchema, firstErrorPerField } from "@/app/_lib/validation";
import { changePassword } from "@/app/_server/account/change-credentials";
import {
  cancelEmailChange,
  confirmEmailChangeByCode,
  confirmEmailChangeByGrant,
  type EmailChangeCompletion,
  requestEmailChange,
} from "@/app/_server/account/email-change";
import { forgetVerificationGrantCookie, readVerificationGrantCookie } from "@/app/_server/recovery/verification-cookie";
import { currentSignIn, signOut } from "@/app/_server/auth/auth";
import { endOtherSession, endSession, revokeAllSessions } from "@/app/_server/auth/sessions";
import { currentRequestOrigin } from "@/app/_server/client-address";
import { getDb } from "@/app/_server/db";
import { reportNotMe } from "@/app/_server/recovery/report-not-me";
import { currentLocale, problemDescriber } from "@/app/_server/shopper-language";
import { type Locale, localePath } from "@/i18n/locales.mjs";

/** Signing out ends the session on the server too: a copy of this browser's cookie stops working at once. */
export async function signOutOfAccount(): Promise<void> {
  const signedIn = await currentSignIn();
  if (signedIn) await endSession(signedIn.sessionId);
  await signOut({ redirect: false });
  redirect(localePath(await currentLocale(), "/login?notice=signed-out"));
}

/** Sends a shopper whose session has ended to sign in, then back to their account, in their language. */
function signInAgain(locale: Locale): never {
  redirect(localePath(locale, `/login?returnTo=${localePath(locale, "/account")}`));
}

/** The signed-in shopper (or a redirect to sign in), and the language of the page the form was posted from. */
async function signedIn(): Promise<{ customerId: string; sessionId: string; locale: Locale }> {
  const [current, locale] = await Promise.all([currentSignIn(), currentLocale()]);
  if (!current) signInAgain(locale);
  return { ...current, locale };
}

async function accountWords(locale: Locale) {
  return getTranslations({ locale, namespace: "account.problems" });
}

export type ChangePasswordField = "currentPassword" | "password" | "confirmPassword";
export type ChangePasswordFormState = FormState<ChangePasswordField>;

export async function changeAccountPassword(_previous: ChangePasswordFormState, formData: FormData): Promise<ChangePasswordFormState> {
  const { customerId, sessionId, locale } = await signedIn();
  const parsed = changePasswordSchema.safeParse({
    currentPassword: formText(formData, "currentPassword"),
    password: formText(formData, "password"),
    confirmPassword: formText(formData, "confirmPassword"),
  });
  if (!parsed.success) return { status: "invalid", fieldErrors: firstErrorPerField(parsed.error, problemDescriber(locale)) };

  const result = await changePassword(
    {
      customerId,
      currentPassword: parsed.data.currentPassword,
      newPassword: parsed.data.password,
      signOutOtherSessions: formData.get("signOutOtherSessions") === "on",
      // This browser stays signed in; every other one ends.
      currentSessionId: sessionId,
    },
    await currentRequestOrigin(),
  );
  switch (result.status) {
    case "changed":
      redirect(localePath(locale, "/account?notice=password-changed"));
    case "wrong-password":
      return { status: "invalid", fieldErrors: { currentPassword: (await accountWords(locale))("wrongCurrentPassword") } };
    case "password-rejected":
      return { status: "invalid", fieldErrors: { password: problemDescriber(locale)(result.problem) } };
    case "rate-limited":
      redirectToTooManyAttempts(locale, result.retryAfterSeconds, "/account");
    case "signed-out":
      signInAgain(locale);
  }
}

export type ChangeEmailField = "email" | "currentPassword";
export type ChangeEmailFormState = FormState<ChangeEmailField>;

/**
 * Asks for the change: the same answer whether or not the new address has an account (account/email-change.ts).
 * The address changes only once the link or code mailed to it is used.
 */
export async function changeAccountEmail(_previous: ChangeEmailFormState, formData: FormData): Promise<ChangeEmailFormState> {
  const { customerId, locale } = await signedIn();
  const values = { email: formText(formData, "email") };
  const parsed = changeEmailSchema.safeParse({ ...values, currentPassword: formText(formData, "currentPassword") });
  if (!parsed.success) return { status: "invalid", fieldErrors: firstErrorPerField(parsed.error, problemDescriber(locale)), values };

  const result = await requestEmailChange(
    { customerId, currentPassword: parsed.data.currentPassword, newEmail: parsed.data.email, locale },
    await currentRequestOrigin(),
  );
  switch (result.status) {
    case "requested":
      redirect(localePath(locale, "/account?notice=email-change-sent"));
    case "unchanged":
      return { status: "invalid", fieldErrors: { email: (await accountWords(locale))("sameEmail") }, values };
    case "wrong-password":
      return { status: "invalid", fieldErrors: { currentPassword: (await accountWords(locale))("wrongCurrentPassword") }, values };
    case "rate-limited":
      redirectToTooManyAttempts(locale, result.retryAfterSeconds, "/account");
    case "signed-out":
      signInAgain(locale);
  }
}

/** Why a code for an email change didn't change it: each has its words in account.problems.completion. */
type CompletionProblem = Exclude<EmailChangeCompletion["status"], "changed">;

export type EmailChangeCodeField = "code";
export type EmailChangeCodeFormState = FormState<EmailChangeCodeField>;

/** The code from the email to the new address, entered on the account page by the customer who asked. */
export async function enterEmailChangeCode(_previous: EmailChangeCodeFormState, formData: FormData): Promise<EmailChangeCodeFormState> {
  const { customerId, locale } = await signedIn();
  const values = { code: formText(formData, "code") };
  const parsed = emailChangeCodeSchema.safeParse(values);
  if (!parsed.success) return { status: "invalid", fieldErrors: firstErrorPerField(parsed.error, problemDescriber(locale)), values };
  const result = await confirmEmailChangeByCode(customerId, parsed.data.code, await currentRequestOrigin());
  if (result.status === "rate-limited") redirectToTooManyAttempts(locale, result.retryAfterSeconds, "/account");
  if (result.status === "changed") redirect(localePath(locale, "/account?notice=email-changed"));
  if (result.status === "wrong-code") return { status: "failed", formError: (await getTranslations({ locale, namespace: "recovery" }))("wrongCode") };
  const problem: CompletionProblem = result.status;
  return { status: "failed", formError: (await accountWords(locale))(`completion.${problem}`) };
}

export async function cancelPendingEmailChange(): Promise<void> {
  const { customerId, locale } = await signedIn();
  await cancelEmailChange(customerId, await currentRequestOrigin());
  redirect(localePath(locale, "/account?notice=email-change-cancelled"));
}

/** The button on /account/email/confirm, which the emailed link opens: the link is the proof, no sign-in needed. */
export async function confirmEmailChange(): Promise<void> {
  const locale = await currentLocale();
  const jar = await cookies();
  const result = await confirmEmailChangeByGrant(readVerificationGrantCookie(jar, "email-change"), await currentRequestOrigin());
  if (result.status !== "changed") {
    redirect(localePath(locale, `/account/email/confirm?link=${result.status === "address-taken" ? "taken" : result.status}`));
  }
  forgetVerificationGrantCookie(jar, "email-change");
  const current = await currentSignIn();
  redirect(localePath(locale, current?.customerId === result.customerId ? "/account?notice=email-changed" : "/login?notice=email-changed"));
}

/** "Sign out" beside one of the other devices in "Where you're signed in". */
export async function signOutDevice(formData: FormData): Promise<void> {
  const { customerId, locale } = await signedIn();
  const sessionId = formText(formData, "sessionId");
  const ended = sessionId !== "" && (await endOtherSession(customerId, sessionId, await currentRequestOrigin()));
  redirect(localePath(locale, ended ? "/account?notice=device-signed-out" : "/account"));
}

/** "Sign out everywhere else": every session but this browser's. */
export async function signOutEverywhereElse(): Promise<void> {
  const { customerId, sessionId, locale } = await signedIn();
  const origin = await currentRequestOrigin();
  await getDb().$transaction((tx) => revokeAllSessions(tx, customerId, origin, sessionId));
  redirect(localePath(locale, "/account?notice=signed-out-elsewhere"));
}

/** The confirmation button on the "This wasn't me" page. */
export async function confirmNotMe(formData: FormData): Promise<void> {
  const locale = await currentLocale();
  // The fresh reset link goes out in the language the owner is reading this page in.
  const outcome = await reportNotMe(formData.get("token"), await currentRequestOrigin(), locale);
  // This browser may hold a session of whoever made the change; it ended with all the others, so drop the cookie.
  if (outcome.status === "secured") await signOut({ redirect: false });
  const result = outcome.status === "secured" && !outcome.email ? "secured-no-reset" : outcome.status;
  redirect(localePath(locale, `/account/not-me?result=${result}`));
}
