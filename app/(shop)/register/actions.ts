"use server";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { type FormState, formText } from "@/app/_lib/form-state";
import { WRONG_CODE_MESSAGE } from "@/app/_lib/reset-link-status";
import { redirectToTooManyAttempts } from "@/app/_lib/too-many-attempts";
import { finishSignUpSchema, firstErrorPerField, resetCodeEntrySchema, signUpSchema } from "@/app/_lib/validation";
import { completeSignUp, issueSignUpGrant, redeemSignUpCode, requestSignUp } from "@/app/_server/recovery/sign-up";
import { forgetVerificationGrantCookie, readVerificationGrantCookie, setVerificationGrantCookie } from "@/app/_server/recovery/verification-cookie";
import { AuthError, signIn } from "@/app/_server/auth/auth";
import { currentRequestOrigin } from "@/app/_server/client-address";
import { describeError, log } from "@/app/_server/log";
import { requestProblemDescriber } from "@/app/_server/shopper-language";

export type SignUpField = "email";
export type SignUpFormState = FormState<SignUpField>;

/**
 * Step one: every well-formed address, new or taken, within its limits or not, is sent on to the same prerendered
 * page. Nobody is signed in, and nothing is decided on the response path (recovery/sign-up.ts).
 */
export async function startSignUp(_previous: SignUpFormState, formData: FormData): Promise<SignUpFormState> {
  const values = { email: formText(formData, "email") };
  const parsed = signUpSchema.safeParse(values);
  if (!parsed.success) return { status: "invalid", fieldErrors: firstErrorPerField(parsed.error, await requestProblemDescriber()), values };
  await requestSignUp({ email: parsed.data.email }, await currentRequestOrigin());
  redirect("/register/sent");
}

export type SignUpCodeField = "email" | "code";
export type SignUpCodeFormState = FormState<SignUpCodeField>;

/** The code from the sign-up email: right, it leaves a grant in this browser and opens the page to finish. */
export async function enterSignUpCode(_previous: SignUpCodeFormState, formData: FormData): Promise<SignUpCodeFormState> {
  const values = { email: formText(formData, "email"), code: formText(formData, "code") };
  const parsed = resetCodeEntrySchema.safeParse(values);
  if (!parsed.success) return { status: "invalid", fieldErrors: firstErrorPerField(parsed.error, await requestProblemDescriber()), values };
  const result = await redeemSignUpCode(parsed.data, await currentRequestOrigin());
  if (result.status === "rate-limited") redirectToTooManyAttempts(result.retryAfterSeconds, "/register/code");
  if (result.status === "wrong-code") return { status: "failed", formError: WRONG_CODE_MESSAGE, values: { email: values.email } };
  const { grant, expiresAt } = issueSignUpGrant(result.verification);
  setVerificationGrantCookie(await cookies(), "sign-up", grant, expiresAt);
  redirect("/register/complete");
}

export type FinishSignUpField = "name" | "password";
export type FinishSignUpFormState = FormState<FinishSignUpField> & { problem?: string };

/** The last step: a name and password for the proven address. The account is made, and the shopper signed in. */
export async function finishSignUp(_previous: FinishSignUpFormState, formData: FormData): Promise<FinishSignUpFormState> {
  const values = { name: formText(formData, "name") };
  const parsed = finishSignUpSchema.safeParse({ ...values, password: formText(formData, "password") });
  if (!parsed.success) return { status: "invalid", fieldErrors: firstErrorPerField(parsed.error, await requestProblemDescriber()), values };

  const jar = await cookies();
  const result = await completeSignUp(readVerificationGrantCookie(jar, "sign-up"), parsed.data, await currentRequestOrigin());
  if (result.status === "password-rejected") return { status: "invalid", fieldErrors: { password: (await requestProblemDescriber())(result.problem) }, values };
  if (result.status === "already-registered") redirect("/login?notice=already-registered");
  if (result.status !== "created") redirect(`/register/complete?link=${result.status}`);
  forgetVerificationGrantCookie(jar, "sign-up");

  try {
    await signIn("credentials", { email: result.email, password: parsed.data.password, redirect: false });
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    // The account exists; only the automatic sign-in failed (its limits, say). The shopper signs in by hand.
    log.warn({ event: "auth.sign_in_after_sign_up_failed", error: describeError(error) }, "sign-in after sign-up failed");
    redirect("/login?notice=account-created");
  }
  redirect("/account?notice=account-created");
}
