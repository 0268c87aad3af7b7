"use client";
import { NewPasswordField } from "@/app/_components/new-password-field";
import { SubmitButton } from "@/app/_components/submit-button";
import { EmailField, TextField } from "@/app/_components/text-field";
import { useProgressiveForm } from "@/app/_components/use-progressive-form";
import { idleFormState } from "@/app/_lib/form-state";
import { FORM_RULES } from "@/app/_lib/field-rules";
import { registerAccount } from "./actions";

export function RegisterForm({ passwordMinLength }: { passwordMinLength: number }) {
  const { state, formAction, isPending, onSubmit, fieldProps } = useProgressiveForm({
    rules: FORM_RULES.register,
    action: registerAccount,
    initialState: idleFormState,
  });

  return (
    <form className="form" action={formAction} onSubmit={onSubmit} noValidate>
      <TextField label="Name" type="text" autoComplete="name" defaultValue={state.values?.name} {...fieldProps("name")} />
      <EmailField defaultValue={state.values?.email} {...fieldProps("email")} />
      <NewPasswordField label="Password" policyMinLength={passwordMinLength} {...fieldProps("password")} />
      <SubmitButton pending={isPending} pendingLabel="Creating your account…">
        Create account
      </SubmitButton>
    </form>
  );
}
