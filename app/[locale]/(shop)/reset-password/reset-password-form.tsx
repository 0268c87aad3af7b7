"use client";
import { useCopy } from "@/app/_components/form-shell";
import { NewPasswordFields } from "@/app/_components/new-password-field";
import { SubmitButton } from "@/app/_components/submit-button";
import { useProgressiveForm } from "@/app/_components/use-progressive-form";
import { idleFormState } from "@/app/_lib/form-state";
import { FORM_RULES } from "@/app/_lib/field-rules";
import { setNewPassword } from "./actions";

/** The new password, twice. (A link that died while the form was open sends the shopper back to the page, which says why.) */
export function ResetPasswordForm({ email }: { email: string }) {
  const { forms } = useCopy();
  const { formProps, isPending, fieldProps } = useProgressiveForm({
    rules: FORM_RULES.newPasswordPair,
    action: setNewPassword,
    initialState: idleFormState,
  });

  return (
    <form className="form" {...formProps}>
      {/* Lets password managers store the new password against the right account. */}
      <input type="text" name="username" value={email} autoComplete="username" readOnly hidden />
      <NewPasswordFields userInputs={[email]} fieldProps={fieldProps} />
      <SubmitButton pending={isPending} pendingLabel={forms.resetPassword.pending}>
        {forms.resetPassword.submit}
      </SubmitButton>
    </form>
  );
}
