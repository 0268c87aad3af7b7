"use server";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { type FormState, formText } from "@/app/_lib/form-state";
import { redirectToTooManyAttempts } from "@/app/_lib/too-many-attempts";
import { finishSignUpSchema, firstErrorPerField, resetCodeEntrySchema, signUpSchema } from "@/app/_lib/validation";
import { completeSignUp, issueSignUpGrant, redeemSignUpCode, requestSignUp } from "@/app/_server/recovery/sign-up";
import { forgetVerificationGrantCookie, readVerificationGrantCookie, setVerificationGrantCookie } from "@/app/_server/recovery/verification-cookie";
import { AuthError, signIn } from "@/app/_server/auth/auth";
import { currentRequestOrigin } from "@/app/_server/client-address";
import { describeError, log } from "@/app/_server/log";
import { currentLocale, problemDescriber } from "@/app/_server/shopper-language";
import { localePath } from "@/i18n/locales.mjs";

export type SignUpField = "email";
export type SignUpFormState = FormState<SignUpField>;

/**
 * Step one: every well-formed address, new or taken, within its limits or not, is sent on to the same prerendered
 * page. Nobody is signed in, and nothing is decided on the response path (recovery/sign-up.ts). The emails go out
 * in the language of the page the shopper asked on.
 */
export async function startSignUp(_previous: SignUpFormState, formData: FormData): Promise<SignUpFormState> {
  const locale = await currentLocale();
  const values = { email: formText(formData, "email") };
  const parsed = signUpSchema.safeParse(values);
  if (!parsed.success) return { status: "invalid", fieldErrors: firstErrorPerField(parsed.error, problemDescriber(locale)), values };
  await requestSignUp({ email: parsed.data.email, locale }, await currentRequestOrigin());
  redirect(localePath(locale, "/register/sent"));
}

export type SignUpCodeField = "email" | "code";
export type SignUpCodeFormState = FormState<SignUpCodeField>;

/** The code from the sign-up email: right, it leaves a grant in this browser and opens the page to finish. */
export async function enterSignUpCode(_previous: SignUpCodeFormState, formData: FormData): Promise<SignUpCodeFormState> {
  const locale = await currentLocale();
  const values = { email: formText(formData, "email"), code: formText(formData, "code") };
  const parsed = resetCodeEntrySchema.safeParse(values);
  if (!parsed.success) return { status: "invalid", fieldErrors: firstErrorPerField(parsed.error, problemDescriber(locale)), values };
  const result = await redeemSignUpCode(parsed.data, await currentRequestOrigin());
  if (result.status === "rate-limited") redirectToTooManyAttempts(locale, result.retryAfterSeconds, "/register/code");
  if (result.status === "wrong-code") {
    return { status: "failed", formError: (await getTranslations({ locale, namespace: "recovery" }))("wrongCode"), values: { email: values.email } };
  }
  const { grant, expiresAt } = issueSignUpGrant(result.verification);
  setVerificationGrantCookie(await cookies(), "sign-up", grant, expiresAt);
  redirect(localePath(locale, "/register/complete"));
}

export type FinishSignUpField = "name" | "password";
export type FinishSignUpFormState = FormState<FinishSignUpField>;

/**
 * The last step: a name and password for the proven address. The account is made, speaking the language of this
 * page, and the shopper signed in.
 */
export async function finishSignUp(_previous: FinishSignUpFormState, formData: FormData): Promise<FinishSignUpFormState> {
  const locale = await currentLocale();
  const values = { name: formText(formData, "name") };
  const parsed = finishSignUpSchema.safeParse({ ...values, password: formText(formData, "password") });
  if (!parsed.success) return { status: "invalid", fieldErrors: firstErrorPerField(parsed.error, problemDescriber(locale)), values };

  const jar = await cookies();
  const result = await completeSignUp(readVerificationGrantCookie(jar, "sign-up"), { ...parsed.data, locale }, await currentRequestOrigin());
  if (result.status === "password-rejected") return { status: "invalid", fieldErrors: { password: problemDescriber(locale)(result.problem) }, values };
  if (result.status === "already-registered") redirect(localePath(locale, "/login?notice=already-registered"));
  if (result.status !== "created") redirect(localePath(locale, `/register/complete?link=${result.status}`));
  forgetVerificationGrantCookie(jar, "sign-up");

  try {
    await signIn("credentials", { email: result.email, password: parsed.data.password, redirect: false });
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    // The account exists; only the automatic sign-in failed (its limits, say). The shopper signs in by hand.
    log.warn({ event: "auth.sign_in_after_sign_up_failed", error: describeError(error) }, "sign-in after sign-up failed");
    redirect(localePath(locale, "/login?notice=account-created"));
  }
  redirect(localePath(locale, "/account?notice=account-created"));
}
