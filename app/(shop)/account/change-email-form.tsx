"use client";
import { SubmitButton } from "@/app/_components/submit-button";
import { CurrentPasswordField, EmailField } from "@/app/_components/text-field";
import { useProgressiveForm } from "@/app/_components/use-progressive-form";
import { idleFormState } from "@/app/_lib/form-state";
import { FORM_RULES } from "@/app/_lib/field-rules";
import { changeAccountEmail } from "./actions";

export function ChangeEmailForm() {
  const { state, formAction, isPending, onSubmit, fieldProps } = useProgressiveForm({
    rules: FORM_RULES.changeEmail,
    action: changeAccountEmail,
    initialState: idleFormState,
  });

  return (
    <form className="form" action={formAction} onSubmit={onSubmit} noValidate aria-label="Change email address">
      <EmailField label="New email address" defaultValue={state.values?.email} {...fieldProps("email")} />
      <CurrentPasswordField {...fieldProps("currentPassword")} />
      <SubmitButton pending={isPending} pendingLabel="Sending…">
        Send confirmation
      </SubmitButton>
    </form>
  );
}
