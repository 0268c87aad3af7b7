"use client";
import { NewPasswordFields } from "@/app/_components/new-password-field";
import { ResetLinkProblem } from "@/app/_components/reset-link-problem";
import { SubmitButton } from "@/app/_components/submit-button";
import { useProgressiveForm } from "@/app/_components/use-progressive-form";
import { idleFormState } from "@/app/_lib/form-state";
import { FORM_RULES } from "@/app/_lib/field-rules";
import { setNewPassword } from "./actions";

export function ResetPasswordForm({ email, passwordMinLength }: { email: string; passwordMinLength: number }) {
  const { state, formAction, isPending, onSubmit, fieldProps } = useProgressiveForm({
    rules: FORM_RULES.newPasswordPair,
    action: setNewPassword,
    initialState: idleFormState,
  });

  // The link died while the form was open (used in another tab, replaced, expired).
  if (state.linkProblem) return <ResetLinkProblem reason={state.linkProblem} />;

  return (
    <section className="auth-card" aria-labelledby="reset-password-title">
      <h1 id="reset-password-title">Choose a new password</h1>
      <p className="auth-card-intro">
        For <strong>{email}</strong>. You&apos;ll use it the next time you sign in.
      </p>
      <form className="form" action={formAction} onSubmit={onSubmit} noValidate>
        {/* Lets password managers store the new password against the right account. */}
        <input type="text" name="username" value={email} autoComplete="username" readOnly hidden />
        <NewPasswordFields policyMinLength={passwordMinLength} userInputs={[email]} fieldProps={fieldProps} />
        <SubmitButton pending={isPending} pendingLabel="Saving…">
          Save new password
        </SubmitButton>
      </form>
    </section>
  );
}
