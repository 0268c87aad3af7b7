"use server";
import { redirect } from "next/navigation";
import { type FormState, formText } from "@/app/_lib/form-state";
import { firstErrorPerField, forgotPasswordSchema } from "@/app/_lib/validation";
import { currentRequestOrigin } from "@/app/_server/client-address";
import { requestPasswordReset } from "@/app/_server/recovery/request-password-reset";
import { currentLocale, problemDescriber } from "@/app/_server/shopper-language";
import { localePath } from "@/i18n/locales.mjs";

export type ForgotPasswordField = "email";
export type ForgotPasswordFormState = FormState<ForgotPasswordField>;

/**
 * Every well-formed address, registered or not, over its limit or not, is sent on to the same prerendered page
 * (a 303 for a browser without JavaScript): the core decides nothing on the response path. The email goes out in
 * the language of the page the shopper asked on.
 */
export async function requestResetLink(_previous: ForgotPasswordFormState, formData: FormData): Promise<ForgotPasswordFormState> {
  const locale = await currentLocale();
  const values = { email: formText(formData, "email") };
  const parsed = forgotPasswordSchema.safeParse(values);
  if (!parsed.success) return { status: "invalid", fieldErrors: firstErrorPerField(parsed.error, problemDescriber(locale)), values };

  await requestPasswordReset({ email: parsed.data.email, locale }, await currentRequestOrigin());
  redirect(localePath(locale, "/forgot-password/sent"));
}
