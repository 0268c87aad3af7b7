"use server";
import { redirect } from "next/navigation";
import { type FormState, formText } from "@/app/_lib/form-state";
import { firstErrorPerField, registerSchema } from "@/app/_lib/validation";
import { AuthError, signIn } from "@/app/_server/auth/auth";
import { registerCustomer } from "@/app/_server/auth/customer-accounts";
import { describeError, log } from "@/app/_server/log";

export type RegisterField = "name" | "email" | "password";
export type RegisterFormState = FormState<RegisterField>;

export async function registerAccount(_previous: RegisterFormState, formData: FormData): Promise<RegisterFormState> {
  const values = { name: formText(formData, "name"), email: formText(formData, "email") };
  const parsed = registerSchema.safeParse({ ...values, password: formText(formData, "password") });
  if (!parsed.success) return { status: "invalid", fieldErrors: firstErrorPerField(parsed.error), values };

  const registration = await registerCustomer(parsed.data);
  if (registration.status === "password-rejected") {
    return { status: "invalid", fieldErrors: { password: registration.message }, values };
  }
  if (registration.status === "email-taken") {
    return {
      status: "invalid",
      fieldErrors: { email: "An account already uses this email. Sign in, or reset your password if you've forgotten it." },
      values,
    };
  }

  try {
    await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirect: false });
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    // The account exists; only the automatic sign-in failed. Send the shopper to sign in by hand.
    log.error({ event: "auth.sign_in_after_register_failed", error: describeError(error) }, "sign-in after registration failed");
    redirect("/login");
  }
  redirect("/account");
}
