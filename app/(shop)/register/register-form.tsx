"use client";
import { SubmitButton } from "@/app/_components/submit-button";
import { EmailField, NewPasswordField, TextField } from "@/app/_components/text-field";
import { useProgressiveForm } from "@/app/_components/use-progressive-form";
import { idleFormState } from "@/app/_lib/form-state";
import { registerSchema } from "@/app/_lib/validation";
import { registerAccount } from "./actions";

export function RegisterForm() {
  const { state, formAction, isPending, register, onSubmit, errorFor, autoFocusTarget } = useProgressiveForm({
    schema: registerSchema,
    action: registerAccount,
    initialState: idleFormState,
  });

  return (
    <form className="form" action={formAction} onSubmit={onSubmit} noValidate>
      <TextField
        label="Name"
        type="text"
        autoComplete="name"
        defaultValue={state.values?.name}
        error={errorFor("name")}
        autoFocus={autoFocusTarget === "name"}
        {...register("name")}
      />
      <EmailField
        defaultValue={state.values?.email}
        error={errorFor("email")}
        autoFocus={autoFocusTarget === "email"}
        {...register("email")}
      />
      <NewPasswordField
        label="Password"
        error={errorFor("password")}
        autoFocus={autoFocusTarget === "password"}
        {...register("password")}
      />
      <SubmitButton pending={isPending} pendingLabel="Creating your account…">
        Create account
      </SubmitButton>
    </form>
  );
}
