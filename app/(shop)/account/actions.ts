"use server";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { type FormState, formText } from "@/app/_lib/form-state";
import { WRONG_CODE_MESSAGE } from "@/app/_lib/reset-link-status";
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
import { requestProblemDescriber } from "@/app/_server/shopper-language";

/** Signing out ends the session on the server too: a copy of this browser's cookie stops working at once. */
export async function signOutOfAccount(): Promise<void> {
  const signedIn = await currentSignIn();
  if (signedIn) await endSession(signedIn.sessionId);
  await signOut({ redirect: false });
  redirect("/login?notice=signed-out");
}

async function signedIn(): Promise<{ customerId: string; sessionId: string }> {
  const current = await currentSignIn();
  if (!current) redirect("/login?returnTo=/account");
  return current;
}

export type ChangePasswordField = "currentPassword" | "password" | "confirmPassword";
export type ChangePasswordFormState = FormState<ChangePasswordField>;

export async function changeAccountPassword(_previous: ChangePasswordFormState, formData: FormData): Promise<ChangePasswordFormState> {
  const { customerId, sessionId } = await signedIn();
  const parsed = changePasswordSchema.safeParse({
    currentPassword: formText(formData, "currentPassword"),
    password: formText(formData, "password"),
    confirmPassword: formText(formData, "confirmPassword"),
  });
  if (!parsed.success) return { status: "invalid", fieldErrors: firstErrorPerField(parsed.error, await requestProblemDescriber()) };

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
      redirect("/account?notice=password-changed");
    case "wrong-password":
      return { status: "invalid", fieldErrors: { currentPassword: "That isn't your current password" } };
    case "password-rejected":
      return { status: "invalid", fieldErrors: { password: (await requestProblemDescriber())(result.problem) } };
    case "rate-limited":
      redirectToTooManyAttempts(result.retryAfterSeconds, "/account");
    case "signed-out":
      redirect("/login?returnTo=/account");
  }
}

export type ChangeEmailField = "email" | "currentPassword";
export type ChangeEmailFormState = FormState<ChangeEmailField>;

/**
 * Asks for the change: the same answer whether or not the new address has an account (account/email-change.ts).
 * The address changes only once the link or code mailed to it is used.
 */
export async function changeAccountEmail(_previous: ChangeEmailFormState, formData: FormData): Promise<ChangeEmailFormState> {
  const { customerId } = await signedIn();
  const values = { email: formText(formData, "email") };
  const parsed = changeEmailSchema.safeParse({ ...values, currentPassword: formText(formData, "currentPassword") });
  if (!parsed.success) return { status: "invalid", fieldErrors: firstErrorPerField(parsed.error, await requestProblemDescriber()), values };

  const result = await requestEmailChange(
    { customerId, currentPassword: parsed.data.currentPassword, newEmail: parsed.data.email },
    await currentRequestOrigin(),
  );
  switch (result.status) {
    case "requested":
      redirect("/account?notice=email-change-sent");
    case "unchanged":
      return { status: "invalid", fieldErrors: { email: "That's already your email address" }, values };
    case "wrong-password":
      return { status: "invalid", fieldErrors: { currentPassword: "That isn't your current password" }, values };
    case "rate-limited":
      redirectToTooManyAttempts(result.retryAfterSeconds, "/account");
    case "signed-out":
      redirect("/login?returnTo=/account");
  }
}

/** What a finished (or refused) email change tells the shopper, wherever they confirmed it. */
const COMPLETION_PROBLEMS: Record<Exclude<EmailChangeCompletion["status"], "changed">, string> = {
  "address-taken": "That address has had an account of its own since you asked, so your address stays as it is.",
  invalid: "That confirmation isn't one we sent. Ask for the change again.",
  expired: "That confirmation has expired. Ask for the change again.",
  used: "That change has already been confirmed.",
  superseded: "That confirmation was replaced by a newer one, or the change was cancelled.",
  missing: "Open the link from your email again, or enter the code on your account page.",
};

export type EmailChangeCodeField = "code";
export type EmailChangeCodeFormState = FormState<EmailChangeCodeField>;

/** The code from the email to the new address, entered on the account page by the customer who asked. */
export async function enterEmailChangeCode(_previous: EmailChangeCodeFormState, formData: FormData): Promise<EmailChangeCodeFormState> {
  const { customerId } = await signedIn();
  const values = { code: formText(formData, "code") };
  const parsed = emailChangeCodeSchema.safeParse(values);
  if (!parsed.success) return { status: "invalid", fieldErrors: firstErrorPerField(parsed.error, await requestProblemDescriber()), values };
  const result = await confirmEmailChangeByCode(customerId, parsed.data.code, await currentRequestOrigin());
  if (result.status === "rate-limited") redirectToTooManyAttempts(result.retryAfterSeconds, "/account");
  if (result.status === "changed") redirect("/account?notice=email-changed");
  return { status: "failed", formError: result.status === "wrong-code" ? WRONG_CODE_MESSAGE : COMPLETION_PROBLEMS[result.status] };
}

export async function cancelPendingEmailChange(): Promise<void> {
  const { customerId } = await signedIn();
  await cancelEmailChange(customerId, await currentRequestOrigin());
  redirect("/account?notice=email-change-cancelled");
}

/** The button on /account/email/confirm, which the emailed link opens: the link is the proof, no sign-in needed. */
export async function confirmEmailChange(): Promise<void> {
  const jar = await cookies();
  const result = await confirmEmailChangeByGrant(readVerificationGrantCookie(jar, "email-change"), await currentRequestOrigin());
  if (result.status !== "changed") redirect(`/account/email/confirm?link=${result.status === "address-taken" ? "taken" : result.status}`);
  forgetVerificationGrantCookie(jar, "email-change");
  const current = await currentSignIn();
  redirect(current?.customerId === result.customerId ? "/account?notice=email-changed" : "/login?notice=email-changed");
}

/** "Sign out" beside one of the other devices in "Where you're signed in". */
export async function signOutDevice(formData: FormData): Promise<void> {
  const { customerId } = await signedIn();
  const sessionId = formText(formData, "sessionId");
  const ended = sessionId !== "" && (await endOtherSession(customerId, sessionId, await currentRequestOrigin()));
  redirect(ended ? "/account?notice=device-signed-out" : "/account");
}

/** "Sign out everywhere else": every session but this browser's. */
export async function signOutEverywhereElse(): Promise<void> {
  const { customerId, sessionId } = await signedIn();
  const origin = await currentRequestOrigin();
  await getDb().$transaction((tx) => revokeAllSessions(tx, customerId, origin, sessionId));
  redirect("/account?notice=signed-out-elsewhere");
}

/** The confirmation button on the "This wasn't me" page. */
export async function confirmNotMe(formData: FormData): Promise<void> {
  const outcome = await reportNotMe(formData.get("token"), await currentRequestOrigin());
  // This browser may hold a session of whoever made the change; it ended with all the others, so drop the cookie.
  if (outcome.status === "secured") await signOut({ redirect: false });
  redirect(`/account/not-me?result=${outcome.status === "secured" && !outcome.email ? "secured-no-reset" : outcome.status}`);
}
