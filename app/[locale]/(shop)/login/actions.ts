"use server";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { type FormState, formText } from "@/app/_lib/form-state";
import { safeReturnPath } from "@/app/_lib/return-path";
import { redirectToTooManyAttempts } from "@/app/_lib/too-many-attempts";
import { firstErrorPerField, loginSchema } from "@/app/_lib/validation";
import { AuthError, SignInRateLimited, signIn } from "@/app/_server/auth/auth";
import { describeError, log } from "@/app/_server/log";
import { currentLocale, problemDescriber } from "@/app/_server/shopper-language";
import { localePath } from "@/i18n/locales.mjs";

export type LoginField = "email" | "password";
export type LoginFormState = FormState<LoginField>;

export async function signInWithPassword(_previous: LoginFormState, formData: FormData): Promise<LoginFormState> {
  const locale = await currentLocale();
  const values = { email: formText(formData, "email") };
  const parsed = loginSchema.safeParse({ email: values.email, password: formText(formData, "password") });
  if (!parsed.success) return { status: "invalid", fieldErrors: firstErrorPerField(parsed.error, problemDescriber(locale)), values };

  try {
    // redirect: false, so next-auth never builds the destination from request headers; we redirect below.
    await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirect: false });
  } catch (error) {
    if (error instanceof SignInRateLimited) redirectToTooManyAttempts(locale, error.retryAfterSeconds, "/login");
    const t = await getTranslations({ locale, namespace: "signIn" });
    if (error instanceof AuthError && error.type === "CredentialsSignin") {
      return { status: "failed", formError: t("wrongCredentials"), values };
    }
    log.error({ event: "auth.sign_in_failed", error: describeError(error) }, "sign-in failed");
    return { status: "failed", formError: t("unavailable"), values };
  }
  redirect(safeReturnPath(formData.get("returnTo"), localePath(locale, "/account")));
}
