"use client";
import { SubmitButton } from "@/app/_components/submit-button";
import { EmailField } from "@/app/_components/text-field";
import { useProgressiveForm } from "@/app/_components/use-progressive-form";
import { idleFormState } from "@/app/_lib/form-state";
import { FORM_RULES } from "@/app/_lib/field-rules";
import { startSignUp } from "./actions";

export function SignUpForm() {
  const { state, formAction, isPending, onSubmit, fieldProps } = useProgressiveForm({
    rules: FORM_RULES.signUp,
    action: startSignUp,
    initialState: idleFormState,
  });

  return (
    <form className="form" action={formAction} onSubmit={onSubmit} noValidate>
      <EmailField defaultValue={state.values?.email} {...fieldProps("email")} />
      <SubmitButton pending={isPending} pendingLabel="Sending…">
        Continue
      </SubmitButton>
    </form>
  );
}
