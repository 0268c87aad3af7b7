"use server";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { type FormState, formText } from "@/app/_lib/form-state";
import { WRONG_CODE_MESSAGE } from "@/app/_lib/reset-link-status";
import { redirectToTooManyAttempts } from "@/app/_lib/too-many-attempts";
import { firstErrorPerField, resetCodeEntrySchema } from "@/app/_lib/validation";
import { currentRequestOrigin } from "@/app/_server/client-address";
import { setResetGrantCookie } from "@/app/_server/recovery/reset-grant-cookie";
import { redeemResetCode } from "@/app/_server/recovery/reset-grant-exchange";
import { requestProblemDescriber } from "@/app/_server/shopper-language";

export type ResetCodeField = "email" | "code";
export type ResetCodeFormState = FormState<ResetCodeField>;

export async function enterResetCode(_previous: ResetCodeFormState, formData: FormData): Promise<ResetCodeFormState> {
  const values = { email: formText(formData, "email"), code: formText(formData, "code") };
  const parsed = resetCodeEntrySchema.safeParse(values);
  if (!parsed.success) return { status: "invalid", fieldErrors: firstErrorPerField(parsed.error, await requestProblemDescriber()), values };

  const result = await redeemResetCode(parsed.data, await currentRequestOrigin());
  if (result.status === "rate-limited") redirectToTooManyAttempts(result.retryAfterSeconds, "/reset-password/code");
  if (result.status === "wrong-code") {
    return {
      status: "failed",
      formError: WRONG_CODE_MESSAGE,
      values: { email: values.email },
    };
  }
  setResetGrantCookie(await cookies(), "pages", result.grant, result.grantExpiresAt);
  redirect("/reset-password");
}
