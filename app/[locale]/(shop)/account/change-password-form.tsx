"use client";
import { useCopy } from "@/app/_components/form-shell";
import { NewPasswordFields } from "@/app/_components/new-password-field";
import { SubmitButton } from "@/app/_components/submit-button";
import { CurrentPasswordField } from "@/app/_components/text-field";
import { useProgressiveForm } from "@/app/_components/use-progressive-form";
import { idleFormState } from "@/app/_lib/form-state";
import { FORM_RULES } from "@/app/_lib/field-rules";
import { changeAccountPassword } from "./actions";

export function ChangePasswordForm({ email }: { email: string }) {
  const { forms } = useCopy();
  const { formProps, isPending, fieldProps } = useProgressiveForm({
    rules: FORM_RULES.changePassword,
    action: changeAccountPassword,
    initialState: idleFormState,
  });

  return (
    <form className="form" {...formProps} aria-label={forms.changePassword.label}>
      <input type="text" name="username" value={email} autoComplete="username" readOnly hidden />
      <CurrentPasswordField label={forms.currentPassword} {...fieldProps("currentPassword")} />
      <NewPasswordFields userInputs={[email]} fieldProps={fieldProps} />
      <SubmitButton pending={isPending} pendingLabel={forms.changePassword.pending}>
        {forms.changePassword.submit}
      </SubmitButton>
    </form>
  );
}
