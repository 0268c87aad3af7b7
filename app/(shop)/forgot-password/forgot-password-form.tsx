"use client";
import { SubmitButton } from "@/app/_components/submit-button";
import { EmailField } from "@/app/_components/text-field";
import { useProgressiveForm } from "@/app/_components/use-progressive-form";
import { idleFormState } from "@/app/_lib/form-state";
import { FORM_RULES } from "@/app/_lib/field-rules";
import { requestResetLink } from "./actions";

export function ForgotPasswordForm() {
  const { state, formAction, isPending, onSubmit, fieldProps } = useProgressiveForm({
    rules: FORM_RULES.forgotPassword,
    action: requestResetLink,
    initialState: idleFormState,
  });

  return (
    <>
      <p className="auth-card-intro">
        Enter the email address you use for your account and we&apos;ll send you a link to choose a new password.
      </p>
      <form className="form" action={formAction} onSubmit={onSubmit} noValidate>
        <EmailField defaultValue={state.values?.email} {...fieldProps("email")} />
        <SubmitButton pending={isPending} pendingLabel="Sending…">
          Send reset link
        </SubmitButton>
      </form>
    </>
  );
}
