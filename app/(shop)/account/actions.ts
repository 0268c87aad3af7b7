"use server";
import { redirect } from "next/navigation";
import { type FormState, formText } from "@/app/_lib/form-state";
import { redirectToTooManyAttempts } from "@/app/_lib/too-many-attempts";
import { changeEmailSchema, changePasswordSchema, firstErrorPerField } from "@/app/_lib/validation";
import { changeEmail, changePassword } from "@/app/_server/account/change-credentials";
import { reportNotMe } from "@/app/_server/recovery/report-not-me";
import { AuthError, currentCustomerId, signIn, signOut } from "@/app/_server/auth/auth";
import { currentRequestOrigin } from "@/app/_server/client-address";

export async function signOutOfAccount(): Promise<void> {
  await signOut({ redirect: false });
  redirect("/login?notice=signed-out");
}

async function signedInCustomerId(): Promise<string> {
  const customerId = await currentCustomerId();
  if (!customerId) redirect("/login?returnTo=/account");
  return customerId;
}

export type ChangePasswordField = "currentPassword" | "password" | "confirmPassword";
export type ChangePasswordFormState = FormState<ChangePasswordField>;

export async function changeAccountPassword(_previous: ChangePasswordFormState, formData: FormData): Promise<ChangePasswordFormState> {
  const customerId = await signedInCustomerId();
  const parsed = changePasswordSchema.safeParse({
    currentPassword: formText(formData, "currentPassword"),
    password: formText(formData, "password"),
    confirmPassword: formText(formData, "confirmPassword"),
  });
  if (!parsed.success) return { status: "invalid", fieldErrors: firstErrorPerField(parsed.error) };

  const signOutOtherSessions = formData.get("signOutOtherSessions") === "on";
  const result = await changePassword(
    { customerId, currentPassword: parsed.data.currentPassword, newPassword: parsed.data.password, signOutOtherSessions },
    await currentRequestOrigin(),
  );
  switch (result.status) {
    case "changed":
      // Ending every session ended this one too; sign this device back in with the new password. That is a sign-in
      // like any other, under the same limits: if they refuse it now (the confirmation just counted), the password
      // is changed all the same, and the shopper signs in with it.
      if (signOutOtherSessions && !(await signBackIn(result.email, parsed.data.password))) redirect("/login?notice=password-reset");
      redirect("/account?notice=password-changed");
    case "wrong-password":
      return { status: "invalid", fieldErrors: { currentPassword: "That isn't your current password" } };
    case "password-rejected":
      return { status: "invalid", fieldErrors: { password: result.message } };
    case "rate-limited":
      redirectToTooManyAttempts(result.retryAfterSeconds, "/account");
    case "signed-out":
      redirect("/login?returnTo=/account");
  }
}

async function signBackIn(email: string, password: string): Promise<boolean> {
  try {
    await signIn("credentials", { email, password, redirect: false });
    return true;
  } catch (error) {
    if (error instanceof AuthError) return false; // the sign-in limits, above all (SignInRateLimited is one)
    throw error;
  }
}

export type ChangeEmailField = "email" | "currentPassword";
export type ChangeEmailFormState = FormState<ChangeEmailField>;

export async function changeAccountEmail(_previous: ChangeEmailFormState, formData: FormData): Promise<ChangeEmailFormState> {
  const customerId = await signedInCustomerId();
  const values = { email: formText(formData, "email") };
  const parsed = changeEmailSchema.safeParse({ ...values, currentPassword: formText(formData, "currentPassword") });
  if (!parsed.success) return { status: "invalid", fieldErrors: firstErrorPerField(parsed.error), values };

  const result = await changeEmail(
    { customerId, currentPassword: parsed.data.currentPassword, newEmail: parsed.data.email },
    await currentRequestOrigin(),
  );
  switch (result.status) {
    case "changed":
      redirect("/account?notice=email-changed");
    case "email-taken":
      return { status: "invalid", fieldErrors: { email: "Another account already uses this email address" }, values };
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

/** The confirmation button on the "This wasn't me" page. */
export async function confirmNotMe(formData: FormData): Promise<void> {
  const outcome = await reportNotMe(formData.get("token"), await currentRequestOrigin());
  // This browser may hold a session of whoever made the change; it ended with all the others, so drop the cookie.
  if (outcome.status === "secured") await signOut({ redirect: false });
  redirect(`/account/not-me?result=${outcome.status}`);
}
