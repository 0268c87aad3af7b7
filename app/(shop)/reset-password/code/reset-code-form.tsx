"use client";
import { FormAlert } from "@/app/_components/form-alert";
import { SubmitButton } from "@/app/_components/submit-button";
import { EmailField, TextField } from "@/app/_components/text-field";
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
      <TextField
        label="Code"
        hint="8 letters and numbers, like 7KQ4-XM2P"
        type="text"
        autoComplete="one-time-code"
        autoCapitalize="characters"
        spellCheck={false}
        className="field-input field-input-code"
        defaultValue={state.values?.code}
        {...fieldProps("code")}
      />
      <SubmitButton pending={isPending} pendingLabel="Checking…">
        Continue
      </SubmitButton>
    </form>
  );
}
