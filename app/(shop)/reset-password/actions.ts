"use server";
import { redirect } from "next/navigation";
import { type FormState, formText } from "@/app/_lib/form-state";
import type { UnusableLinkReason } from "@/app/_lib/reset-link-status";
import { firstErrorPerField, newPasswordPairSchema } from "@/app/_lib/validation";
import { completePasswordReset } from "@/app/_server/recovery/complete-password-reset";

export type ResetPasswordField = "password" | "confirmPassword";
export type ResetPasswordFormState = FormState<ResetPasswordField> & { linkProblem?: UnusableLinkReason };

export async function setNewPassword(_previous: ResetPasswordFormState, formData: FormData): Promise<ResetPasswordFormState> {
  const passwords = newPasswordPairSchema.safeParse({
    password: formText(formData, "password"),
    confirmPassword: formText(formData, "confirmPassword"),
  });
  if (!passwords.success) return { status: "invalid", fieldErrors: firstErrorPerField(passwords.error) };

  const result = await completePasswordReset({
    token: formData.get("token"),
    email: formData.get("email"),
    newPassword: passwords.data.password,
  });
  if (result.status !== "completed") return { status: "failed", linkProblem: result.status };
  redirect("/login?notice=password-reset");
}
