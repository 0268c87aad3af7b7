"use server";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { type FormState, formText } from "@/app/_lib/form-state";
import { isUnusableLinkReason } from "@/app/_lib/reset-link-status";
import { redirectToTooManyAttempts } from "@/app/_lib/too-many-attempts";
import { firstErrorPerField, newPasswordPairSchema } from "@/app/_lib/validation";
import { signIn } from "@/app/_server/auth/auth";
import { currentRequestOrigin } from "@/app/_server/client-address";
import { getConfig } from "@/app/_server/env";
import { describeError, log } from "@/app/_server/log";
import { completePasswordReset } from "@/app/_server/recovery/complete-password-reset";
import { forgetResetGrantCookie, readResetGrantCookie } from "@/app/_server/recovery/reset-grant-cookie";
import { resolveResetProof } from "@/app/_server/recovery/reset-proof";
import { currentLocale, problemDescriber } from "@/app/_server/shopper-language";
import { localePath } from "@/i18n/locales.mjs";

export type ResetPasswordField = "password" | "confirmPassword";
export type ResetPasswordFormState = FormState<ResetPasswordField>;

export async function setNewPassword(_previous: ResetPasswordFormState, formData: FormData): Promise<ResetPasswordFormState> {
  const locale = await currentLocale();
  const passwords = newPasswordPairSchema.safeParse({
    password: formText(formData, "password"),
    confirmPassword: formText(formData, "confirmPassword"),
  });
  if (!passwords.success) return { status: "invalid", fieldErrors: firstErrorPerField(passwords.error, problemDescriber(locale)) };

  const jar = await cookies();
  const origin = await currentRequestOrigin();
  const proof = await resolveResetProof({ cookieGrant: readResetGrantCookie(jar) }, origin);
  // A checkbox is only sent when ticked; it is ticked by default.
  const signOutOtherSessions = formData.get("signOutOtherSessions") === "on";
  const result = await completePasswordReset(proof, { newPassword: passwords.data.password, signOutOtherSessions }, origin);
  switch (result.status) {
    case "completed":
      forgetResetGrantCookie(jar, "pages");
      break;
    case "rate-limited":
      redirectToTooManyAttempts(locale, result.retryAfterSeconds, "/reset-password/code");
    case "password-rejected":
      return { status: "invalid", fieldErrors: { password: problemDescriber(locale)(result.problem) } };
    default:
      // The link died while the form was open (used in another tab, replaced, expired): the page says why.
      redirect(localePath(locale, isUnusableLinkReason(result.status) ? `/reset-password?link=${result.status}` : "/reset-password"));
  }

  if (getConfig().autoSignInAfterReset && (await signedInAfterReset(result.email, passwords.data.password))) {
    redirect(localePath(locale, "/account?notice=password-reset"));
  }
  redirect(localePath(locale, "/login?notice=password-reset"));
}

/** AUTO_SIGN_IN_AFTER_RESET: sign the shopper in with the password just set. If that fails, they sign in by hand. */
async function signedInAfterReset(email: string, password: string): Promise<boolean> {
  try {
    await signIn("credentials", { email, password, redirect: false });
    return true;
  } catch (error) {
    log.warn({ event: "password_reset.auto_sign_in_failed", error: describeError(error) }, "auto sign-in after reset failed");
    return false;
  }
}
