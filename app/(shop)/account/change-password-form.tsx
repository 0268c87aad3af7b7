"use client";
import { NewPasswordFields } from "@/app/_components/new-password-field";
import { SubmitButton } from "@/app/_components/submit-button";
import { CurrentPasswordField } from "@/app/_components/text-field";
import { useProgressiveForm } from "@/app/_components/use-progressive-form";
import { idleFormState } from "@/app/_lib/form-state";
import { FORM_RULES } from "@/app/_lib/field-rules";
import { changeAccountPassword } from "./actions";

export function ChangePasswordForm({ email, passwordMinLength }: { email: string; passwordMinLength: number }) {
  const { formAction, isPending, onSubmit, fieldProps } = useProgressiveForm({
    rules: FORM_RULES.changePassword,
    action: changeAccountPassword,
    initialState: idleFormState,
  });

  return (
    <form className="form" action={formAction} onSubmit={onSubmit} noValidate aria-label="Change password">
      <input type="text" name="username" value={email} autoComplete="username" readOnly hidden />
      <CurrentPasswordField {...fieldProps("currentPassword")} />
      <NewPasswordFields policyMinLength={passwordMinLength} userInputs={[email]} fieldProps={fieldProps} />
      <SubmitButton pending={isPending} pendingLabel="Changing…">
        Change password
      </SubmitButton>
    </form>
  );
}
