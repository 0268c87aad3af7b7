"use client";
import { NewPasswordField } from "@/app/_components/new-password-field";
import { SubmitButton } from "@/app/_components/submit-button";
import { TextField } from "@/app/_components/text-field";
import { useProgressiveForm } from "@/app/_components/use-progressive-form";
import { idleFormState } from "@/app/_lib/form-state";
import { FORM_RULES } from "@/app/_lib/field-rules";
import { finishSignUp } from "../actions";

export function FinishSignUpForm({ email, passwordMinLength }: { email: string; passwordMinLength: number }) {
  const { state, formAction, isPending, onSubmit, fieldProps } = useProgressiveForm({
    rules: FORM_RULES.finishSignUp,
    action: finishSignUp,
    initialState: idleFormState,
  });

  return (
    <form className="form" action={formAction} onSubmit={onSubmit} noValidate>
      {/* For password managers: the account's username, saved with the new password. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <TextField label="Name" type="text" autoComplete="name" defaultValue={state.values?.name} {...fieldProps("name")} />
      <NewPasswordField label="Password" policyMinLength={passwordMinLength} {...fieldProps("password")} />
      <SubmitButton pending={isPending} pendingLabel="Creating your account…">
        Create account
      </SubmitButton>
    </form>
  );
}
