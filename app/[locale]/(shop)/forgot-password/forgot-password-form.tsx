"use client";
import { useCopy } from "@/app/_components/form-shell";
import { SubmitButton } from "@/app/_components/submit-button";
import { EmailField } from "@/app/_components/text-field";
import { useProgressiveForm } from "@/app/_components/use-progressive-form";
import { idleFormState } from "@/app/_lib/form-state";
import { FORM_RULES } from "@/app/_lib/field-rules";
import { requestResetLink } from "./actions";

export function ForgotPasswordForm() {
  const { forms } = useCopy();
  const { state, formProps, isPending, fieldProps } = useProgressiveForm({
    rules: FORM_RULES.forgotPassword,
    action: requestResetLink,
    initialState: idleFormState,
  });

  return (
    <form className="form" {...formProps}>
      <EmailField label={forms.email} defaultValue={state.values?.email} {...fieldProps("email")} />
      <SubmitButton pending={isPending} pendingLabel={forms.sending}>
        {forms.forgotPassword.submit}
      </SubmitButton>
    </form>
  );
}
