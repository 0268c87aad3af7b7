"use server";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { type FormState, formText } from "@/app/_lib/form-state";
import { redirectToTooManyAttempts } from "@/app/_lib/too-many-attempts";
import { firstErrorPerField, resetCodeEntrySchema } from "@/app/_lib/validation";
import { currentRequestOrigin } from "@/app/_server/client-address";
import { setResetGrantCookie } from "@/app/_server/recovery/reset-grant-cookie";
import { redeemResetCode } from "@/app/_server/recovery/reset-grant-exchange";
import { currentLocale, problemDescriber } from "@/app/_server/shopper-language";
import { localePath } from "@/i18n/locales.mjs";

export type ResetCodeField = "email" | "code";
export type ResetCodeFormState = FormState<ResetCodeField>;

export async function enterResetCode(_previous: ResetCodeFormState, formData: FormData): Promise<ResetCodeFormState> {
  const locale = await currentLocale();
  const values = { email: formText(formData, "email"), code: formText(formData, "code") };
  const parsed = resetCodeEntrySchema.safeParse(values);
  if (!parsed.success) return { status: "invalid", fieldErrors: firstErrorPerField(parsed.error, problemDescriber(locale)), values };

  const result = await redeemResetCode(parsed.data, await currentRequestOrigin());
  if (result.status === "rate-limited") redirectToTooManyAttempts(locale, result.retryAfterSeconds, "/reset-password/code");
  if (result.status === "wrong-code") {
    return { status: "failed", formError: (await getTranslations({ locale, namespace: "recovery" }))("wrongCode"), values: { email: values.email } };
  }
  setResetGrantCookie(await cookies(), "pages", result.grant, result.grantExpiresAt);
  redirect(localePath(locale, "/reset-password"));
}
