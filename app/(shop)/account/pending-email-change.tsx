"use client";
import { FormAlert } from "@/app/_components/form-alert";
import { SubmitButton } from "@/app/_components/submit-button";
import { CodeField } from "@/app/_components/text-field";
import { useProgressiveForm } from "@/app/_components/use-progressive-form";
import { idleFormState } from "@/app/_lib/form-state";
import { FORM_RULES } from "@/app/_lib/field-rules";
import { cancelPendingEmailChange, enterEmailChangeCode } from "./actions";

/** An email change waiting for the link or code sent to the new address: enter the code here, or cancel it. */
export function PendingEmailChange({ email, expiresAt }: { email: string; expiresAt: string }) {
  const { state, formAction, isPending, onSubmit, fieldProps, formAlertRef, autoFocusTarget } = useProgressiveForm({
    rules: FORM_RULES.emailChangeCode,
    action: enterEmailChangeCode,
    initialState: idleFormState,
  });
  return (
    <>
      <p>
        We&apos;ve sent a link and a code to <strong>{email}</strong>. Your address changes once you use one of them,
        by {expiresAt}. Until then, we keep using your current address.
      </p>
      <form className="form" action={formAction} onSubmit={onSubmit} noValidate aria-label="Confirm new email address">
        <FormAlert message={state.formError} ref={formAlertRef} autoFocus={autoFocusTarget === "form"} />
        <CodeField label="Code from the email" defaultValue={state.values?.code} {...fieldProps("code")} />
        <SubmitButton pending={isPending} pendingLabel="Checking…">
          Confirm new address
        </SubmitButton>
      </form>
      <form action={cancelPendingEmailChange} className="device-list-footer">
        <button type="submit" className="button button-secondary">
          Cancel this change
        </button>
      </form>
    </>
  );
}
