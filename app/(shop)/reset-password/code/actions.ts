"use server";
import { redirect } from "next/navigation";
import { type FormState, formText } from "@/app/_lib/form-state";
import { redirectToTooManyAttempts } from "@/app/_lib/too-many-attempts";
import { firstErrorPerField, resetCodeEntrySchema } from "@/app/_lib/validation";
import { currentRequestOrigin } from "@/app/_server/client-address";
import { redeemResetCode } from "@/app/_server/recovery/redeem-reset-code";
import { setResetGrantCookie } from "@/app/_server/recovery/reset-grant-cookie";

export type ResetCodeField = "email" | "code";
export type ResetCodeFormState = FormState<ResetCodeField>;

export async function enterResetCode(_previous: ResetCodeFormState, formData: FormData): Promise<ResetCodeFormState> {
  const values = { email: formText(formData, "email"), code: formText(formData, "code") };
  const parsed = resetCodeEntrySchema.safeParse(values);
  if (!parsed.success) return { status: "invalid", fieldErrors: firstErrorPerField(parsed.error), values };

  const result = await redeemResetCode(parsed.data, await currentRequestOrigin());
  if (result.status === "rate-limited") redirectToTooManyAttempts(result.retryAfterSeconds, "/reset-password/code");
  if (result.status === "wrong-code") {
    return {
      status: "failed",
      // The same words whatever went wrong, so the form never reveals whether the address has an account.
      formError: "That code isn't right, or it has expired. Check the most recent email from us, or ask for a new code.",
      values: { email: values.email },
    };
  }
  await setResetGrantCookie(result.grant, result.grantExpiresAt);
  redirect("/reset-password");
}
