"use client";
import { useCopy } from "@/app/_components/form-shell";
import { FormAlert } from "@/app/_components/form-alert";
import { SubmitButton } from "@/app/_components/submit-button";
import { CodeField } from "@/app/_components/text-field";
import { useProgressiveForm } from "@/app/_components/use-progressive-form";
import { idleFormState } from "@/app/_lib/form-state";
import { FORM_RULES } from "@/app/_lib/field-rules";
import { cancelPendingEmailChange, enterEmailChangeCode } from "./actions";

/** An email change waiting for the link or code sent to the new address: enter the code here, or cancel it. */
export function PendingEmailChange() {
  const { forms } = useCopy();
  const { state, formProps, isPending, fieldProps, formAlertRef, autoFocusTarget } = useProgressiveForm({
    rules: FORM_RULES.emailChangeCode,
    action: enterEmailChangeCode,
    initialState: idleFormState,
  });
  return (
    <>
      <form className="form" {...formProps} aria-label={forms.emailChangeCode.label}>
        <FormAlert message={state.formError} ref={formAlertRef} autoFocus={autoFocusTarget === "form"} />
        <CodeField label={forms.emailChangeCode.code} hint={forms.codeHint} defaultValue={state.values?.code} {...fieldProps("code")} />
        <SubmitButton pending={isPending} pendingLabel={forms.checking}>
          {forms.emailChangeCode.submit}
        </SubmitButton>
      </form>
      <form action={cancelPendingEmailChange} className="device-list-footer">
        <button type="submit" className="button button-secondary">
          {forms.emailChangeCode.cancel}
        </button>
      </form>
    </>
  );
}
