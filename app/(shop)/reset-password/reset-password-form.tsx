"use client";
import { ResetLinkProblem } from "@/app/_components/reset-link-problem";
import { SubmitButton } from "@/app/_components/submit-button";
import { NewPasswordField, TextField } from "@/app/_components/text-field";
import { useProgressiveForm } from "@/app/_components/use-progressive-form";
import { idleFormState } from "@/app/_lib/form-state";
import { newPasswordPairSchema } from "@/app/_lib/validation";
import { setNewPassword } from "./actions";

export function ResetPasswordForm({ token, email }: { token: string; email: string }) {
  const { state, formAction, isPending, register, onSubmit, errorFor, autoFocusTarget } = useProgressiveForm({
    schema: newPasswordPairSchema,
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
        <input type="hidden" name="token" value={token} />
        <input type="hidden" name="email" value={email} />
        {/* Lets password managers store the new password against the right account. */}
        <input type="text" name="username" value={email} autoComplete="username" readOnly hidden />
        <NewPasswordField
          label="New password"
          error={errorFor("password")}
          autoFocus={autoFocusTarget === "password"}
          {...register("password")}
        />
        <TextField
          label="Confirm new password"
          type="password"
          autoComplete="new-password"
          error={errorFor("confirmPassword")}
          autoFocus={autoFocusTarget === "confirmPassword"}
          {...register("confirmPassword")}
        />
        <SubmitButton pending={isPending} pendingLabel="Saving…">
          Save new password
        </SubmitButton>
      </form>
    </section>
  );
}
