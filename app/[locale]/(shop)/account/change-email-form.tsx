"use client";
import { useCopy } from "@/app/_components/form-shell";
import { SubmitButton } from "@/app/_components/submit-button";
import { CurrentPasswordField, EmailField } from "@/app/_components/text-field";
import { useProgressiveForm } from "@/app/_components/use-progressive-form";
import { idleFormState } from "@/app/_lib/form-state";
import { FORM_RULES } from "@/app/_lib/field-rules";
import { changeAccountEmail } from "./actions";

export function ChangeEmailForm() {
  const { forms } = useCopy();
  const { state, formProps, isPending, fieldProps } = useProgressiveForm({
    rules: FORM_RULES.changeEmail,
    action: changeAccountEmail,
    initialState: idleFormState,
  });

  return (
    <form className="form" {...formProps} aria-label={forms.changeEmail.label}>
      <EmailField label={forms.changeEmail.newEmail} defaultValue={state.values?.email} {...fieldProps("email")} />
      <CurrentPasswordField label={forms.currentPassword} {...fieldProps("currentPassword")} />
      <SubmitButton pending={isPending} pendingLabel={forms.sending}>
        {forms.changeEmail.submit}
      </SubmitButton>
    </form>
  );
}
