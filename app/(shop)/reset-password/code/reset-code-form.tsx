"use client";
import { FormAlert } from "@/app/_components/form-alert";
import { SubmitButton } from "@/app/_components/submit-button";
import { CodeField, EmailField } from "@/app/_components/text-field";
import { useProgressiveForm } from "@/app/_components/use-progressive-form";
import { idleFormState } from "@/app/_lib/form-state";
import { FORM_RULES } from "@/app/_lib/field-rules";
import { enterResetCode } from "./actions";

export function ResetCodeForm() {
  const { state, formAction, isPending, onSubmit, fieldProps, formAlertRef, autoFocusTarget } = useProgressiveForm({
    rules: FORM_RULES.resetCode,
    action: enterResetCode,
    initialState: idleFormState,
  });

  return (
    <form className="form" action={formAction} onSubmit={onSubmit} noValidate>
      <FormAlert message={state.formError} ref={formAlertRef} autoFocus={autoFocusTarget === "form"} />
      <EmailField defaultValue={state.values?.email} {...fieldProps("email")} />
      <CodeField defaultValue={state.values?.code} {...fieldProps("code")} />
      <SubmitButton pending={isPending} pendingLabel="Checking…">
        Continue
      </SubmitButton>
    </form>
  );
}
