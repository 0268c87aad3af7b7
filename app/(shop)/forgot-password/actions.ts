"use server";
import { redirect } from "next/navigation";
import { type FormState, formText } from "@/app/_lib/form-state";
import { firstErrorPerField, forgotPasswordSchema } from "@/app/_lib/validation";
import { currentRequestOrigin } from "@/app/_server/client-address";
import { requestPasswordReset } from "@/app/_server/recovery/request-password-reset";
import { requestProblemDescriber } from "@/app/_server/shopper-language";

export type ForgotPasswordField = "email";
export type ForgotPasswordFormState = FormState<ForgotPasswordField>;

/**
 * Every well-formed address, registered or not, over its limit or not, is sent on to the same prerendered page
 * (a 303 for a browser without JavaScript): the core decides nothing on the response path.
 */
export async function requestResetLink(_previous: ForgotPasswordFormState, formData: FormData): Promise<ForgotPasswordFormState> {
  const values = { email: formText(formData, "email") };
  const parsed = forgotPasswordSchema.safeParse(values);
  if (!parsed.success) return { status: "invalid", fieldErrors: firstErrorPerField(parsed.error, await requestProblemDescriber()), values };

  await requestPasswordReset({ email: parsed.data.email }, await currentRequestOrigin());
  redirect("/forgot-password/sent");
}
