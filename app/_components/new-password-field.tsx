"use client";
import { type ChangeEvent, useState } from "react";
import { useCopy } from "./form-shell";
import { CheckboxField, TextField, type TextFieldProps } from "./text-field";

type NewPasswordFieldProps = Omit<TextFieldProps, "type" | "autoComplete" | "hint"> & {
  /** Words the password shouldn't be built from (the shopper's email and name), for the strength meter. */
  userInputs?: string[];
};

/**
 * A field for choosing a password: the policy stated up front, autofill offering a generated password, and, once
 * JavaScript is running and the shopper types, a strength meter. Without JavaScript it is a plain password field;
 * the server applies the same rules either way.
 */
export function NewPasswordField({ userInputs = [], onChange, ...props }: NewPasswordFieldProps) {
  const { forms } = useCopy();
  const [score, setScore] = useState<number>();
  return (
    <>
      <TextField
        type="password"
        autoComplete="new-password"
        hint={forms.newPasswordHint}
        onChange={(event: ChangeEvent<HTMLInputElement>) => {
          const password = event.target.value;
          // The estimator (and its dictionaries) loads with the first keystroke. Every estimate goes through the
          // same promise, so they settle in the order typed and the last one shown is the current password's.
          void import("./password-strength-estimator").then(({ estimatePasswordStrength }) =>
            setScore(password ? estimatePasswordStrength(password, userInputs) : undefined),
          );
          return onChange?.(event);
        }}
        {...props}
      />
      <div className="strength" data-score={score}>
        {/* Its fill comes from data-score in the stylesheet: an inline style would need 'unsafe-inline' in the CSP. */}
        <div className="strength-bar" aria-hidden="true">
          <span />
        </div>
        <p className="strength-text" aria-live="polite">
          {score === undefined ? "" : forms.strengthVerdicts[score]}
        </p>
      </div>
    </>
  );
}

type WiredField = Omit<TextFieldProps, "label">;

/**
 * Choosing a new password where the shopper already has one (reset, change): the new password with its meter, the
 * confirmation, and "Sign me out on all other devices", ticked by default.
 */
export function NewPasswordFields(props: { userInputs: string[]; fieldProps: (field: "password" | "confirmPassword") => WiredField }) {
  const { forms } = useCopy();
  return (
    <>
      <NewPasswordField label={forms.newPassword} userInputs={props.userInputs} {...props.fieldProps("password")} />
      <TextField label={forms.confirmNewPassword} type="password" autoComplete="new-password" {...props.fieldProps("confirmPassword")} />
      <CheckboxField name="signOutOtherSessions" label={forms.signOutOtherDevices} defaultChecked />
    </>
  );
}
