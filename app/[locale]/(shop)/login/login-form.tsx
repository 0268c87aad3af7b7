"use client";
import { useSearchParams } from "next/navigation";
import { Suspense } from "react";
import { useCopy } from "@/app/_components/form-shell";
import { FormAlert } from "@/app/_components/form-alert";
import { SubmitButton } from "@/app/_components/submit-button";
import { CurrentPasswordField, EmailField } from "@/app/_components/text-field";
import { useProgressiveForm } from "@/app/_components/use-progressive-form";
import { idleFormState } from "@/app/_lib/form-state";
import { FORM_RULES } from "@/app/_lib/field-rules";
import { signInWithPassword } from "./actions";

export function LoginForm() {
  const { forms, links } = useCopy();
  const { state, formProps, isPending, fieldProps, formAlertRef, autoFocusTarget } = useProgressiveForm({
    rules: FORM_RULES.login,
    action: signInWithPassword,
    initialState: idleFormState,
  });

  return (
    <form className="form" {...formProps}>
      <FormAlert message={state.formError} ref={formAlertRef} autoFocus={autoFocusTarget === "form"} />
      <Suspense fallback={null}>
        <ReturnToField />
      </Suspense>
      <EmailField label={forms.email} defaultValue={state.values?.email} {...fieldProps("email")} />
      <CurrentPasswordField label={forms.password} {...fieldProps("password")} />
      <p>
        <a href={links.forgotPassword}>{forms.signIn.forgotPassword}</a>
      </p>
      <SubmitButton pending={isPending} pendingLabel={forms.signIn.pending}>
        {forms.signIn.submit}
      </SubmitButton>
    </form>
  );
}

/**
 * Where to go after signing in, from the page's own URL (`/login?returnTo=/account`). The page is prerendered, so
 * only a browser running this knows the query; without JavaScript the shopper lands on the account page, which is
 * where every returnTo the store sets leads anyway. The action accepts only a same-site path (safeReturnPath).
 */
function ReturnToField() {
  const returnTo = useSearchParams().get("returnTo");
  return returnTo ? <input type="hidden" name="returnTo" value={returnTo} /> : null;
}
