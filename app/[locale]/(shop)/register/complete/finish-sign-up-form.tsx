"use client";
import { useCopy } from "@/app/_components/form-shell";
import { NewPasswordField } from "@/app/_components/new-password-field";
import { SubmitButton } from "@/app/_components/submit-button";
import { TextField } from "@/app/_components/text-field";
import { useProgressiveForm } from "@/app/_components/use-progressive-form";
import { idleFormState } from "@/app/_lib/form-state";
import { FORM_RULES, NAME_MAX_LENGTH } from "@/app/_lib/field-rules";
import { finishSignUp } from "../actions";

export function FinishSignUpForm({ email }: { email: string }) {
  const { forms } = useCopy();
  const { state, formProps, isPending, fieldProps } = useProgressiveForm({
    rules: FORM_RULES.finishSignUp,
    action: finishSignUp,
    initialState: idleFormState,
  });

  return (
    <form className="form" {...formProps}>
      {/* For password managers: the account's username, saved with the new password. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <TextField
        label={forms.name}
        type="text"
        autoComplete="name"
        maxLength={NAME_MAX_LENGTH}
        defaultValue={state.values?.name}
        {...fieldProps("name")}
      />
      <NewPasswordField label={forms.password} userInputs={[email]} {...fieldProps("password")} />
      <SubmitButton pending={isPending} pendingLabel={forms.finishSignUp.pending}>
        {forms.finishSignUp.submit}
      </SubmitButton>
    </form>
  );
}
