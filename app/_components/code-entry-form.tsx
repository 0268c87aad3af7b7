"use client";
import { useCopy } from "@/app/_components/form-shell";
import { FormAlert } from "@/app/_components/form-alert";
import { SubmitButton } from "@/app/_components/submit-button";
import { CodeField, EmailField } from "@/app/_components/text-field";
import { useProgressiveForm } from "@/app/_components/use-progressive-form";
import { type FormState, idleFormState } from "@/app/_lib/form-state";
import { FORM_RULES } from "@/app/_lib/field-rules";

export type CodeEntryFormState = FormState<"email" | "code">;

/** An address and the code emailed to it: the reset code page and the sign-up code page, each with its own action. */
export function CodeEntryForm({ action }: { action: (previous: CodeEntryFormState, formData: FormData) => Promise<CodeEntryFormState> }) {
  const { forms } = useCopy();
  const { state, formProps, isPending, fieldProps, formAlertRef, autoFocusTarget } = useProgressiveForm({
    rules: FORM_RULES.resetCode,
    action,
    initialState: idleFormState,
  });

  return (
    <form className="form" {...formProps}>
      <FormAlert message={state.formError} ref={formAlertRef} autoFocus={autoFocusTarget === "form"} />
      <EmailField label={forms.email} defaultValue={state.values?.email} {...fieldProps("email")} />
      <CodeField label={forms.code} hint={forms.codeHint} defaultValue={state.values?.code} {...fieldProps("code")} />
      <SubmitButton pending={isPending} pendingLabel={forms.checking}>
        {forms.continue}
      </SubmitButton>
    </form>
  );
}
