"use server";
import { redirect } from "next/navigation";
import { type FormState, formText } from "@/app/_lib/form-state";
import { safeReturnPath } from "@/app/_lib/return-path";
import { redirectToTooManyAttempts } from "@/app/_lib/too-many-attempts";
import { firstErrorPerField, loginSchema } from "@/app/_lib/validation";
import { AuthError, SignInRateLimited, signIn } from "@/app/_server/auth/auth";
import { describeError, log } from "@/app/_server/log";
import { requestProblemDescriber } from "@/app/_server/shopper-language";

export type LoginField = "email" | "password";
export type LoginFormState = FormState<LoginField>;

export async function signInWithPassword(_previous: LoginFormState, formData: FormData): Promise<LoginFormState> {
  const values = { email: formText(formData, "email") };
  const parsed = loginSchema.safeParse({ email: values.email, password: formText(formData, "password") });
  if (!parsed.success) return { status: "invalid", fieldErrors: firstErrorPerField(parsed.error, await requestProblemDescriber()), values };

  try {
    // redirect: false, so next-auth never builds the destination from request headers; we redirect below.
    await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirect: false });
  } catch (error) {
    if (error instanceof SignInRateLimited) redirectToTooManyAttempts(error.retryAfterSeconds, "/login");
    if (error instanceof AuthError && error.type === "CredentialsSignin") {
      return { status: "failed", formError: "The email or password is incorrect.", values };
    }
    log.error({ event: "auth.sign_in_failed", error: describeError(error) }, "sign-in failed");
    return { status: "failed", formError: "We couldn't sign you in just now. Please try again in a moment.", values };
  }
  redirect(safeReturnPath(formData.get("returnTo")));
}
