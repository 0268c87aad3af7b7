"use client";
import Link from "next/link";
import { FormAlert } from "@/app/_components/form-alert";
import { SubmitButton } from "@/app/_components/submit-button";
import { CurrentPasswordField, EmailField } from "@/app/_components/text-field";
import { useProgressiveForm } from "@/app/_components/use-progressive-form";
import { idleFormState } from "@/app/_lib/form-state";
import { FORM_RULES } from "@/app/_lib/field-rules";
import { signInWithPassword } from "./actions";

export function LoginForm({ returnTo }: { returnTo: string }) {
  const { state, formAction, isPending, onSubmit, fieldProps, formAlertRef, autoFocusTarget } = useProgressiveForm({
    rules: FORM_RULES.login,
    action: signInWithPassword,
    initialState: idleFormState,
  });

  return (
    <form className="form" action={formAction} onSubmit={onSubmit} noValidate>
      <FormAlert message={state.formError} ref={formAlertRef} autoFocus={autoFocusTarget === "form"} />
      <input type="hidden" name="returnTo" value={returnTo} />
      <EmailField defaultValue={state.values?.email} {...fieldProps("email")} />
      <CurrentPasswordField label="Password" {...fieldProps("password")} />
      <p>
        <Link href="/forgot-password">Forgot your password?</Link>
      </p>
      <SubmitButton pending={isPending} pendingLabel="Signing in…">
        Sign in
      </SubmitButton>
    </form>
  );
}
