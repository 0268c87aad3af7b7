"use client";
import { type ChangeEvent, useEffect, useState } from "react";
import { CheckboxField, TextField, type TextFieldProps } from "./text-field";

type NewPasswordFieldProps = Omit<TextFieldProps, "type" | "autoComplete" | "hint"> & {
  policyMinLength: number;
  /** Words the password shouldn't be built from (the shopper's email and name), for the strength meter. */
  userInputs?: string[];
};

/**
 * A field for choosing a password: the policy stated up front, autofill offering a generated password, and, once
 * JavaScript is running and the shopper types, a strength meter. Without JavaScript it is a plain password field;
 * the server applies the same rules either way.
 */
export function NewPasswordField({ policyMinLength, userInputs = [], onChange, ...props }: NewPasswordFieldProps) {
  const [password, setPassword] = useState("");
  return (
    <>
      <TextField
        type="password"
        autoComplete="new-password"
        hint={`At least ${policyMinLength} characters. A few words you'll remember make a strong password.`}
        onChange={(event: ChangeEvent<HTMLInputElement>) => {
          setPassword(event.target.value);
          return onChange?.(event);
        }}
        {...props}
      />
      <PasswordStrengthMeter password={password} userInputs={userInputs} />
    </>
  );
}

type WiredField = Omit<TextFieldProps, "label">;

/**
 * Choosing a new password where the shopper already has one (reset, change): the new password with its meter, the
 * confirmation, and "Sign me out on all other devices", ticked by default.
 */
export function NewPasswordFields(props: {
  policyMinLength: number;
  userInputs: string[];
  fieldProps: (field: "password" | "confirmPassword") => WiredField;
}) {
  return (
    <>
      <NewPasswordField
        label="New password"
        policyMinLength={props.policyMinLength}
        userInputs={props.userInputs}
        {...props.fieldProps("password")}
      />
      <TextField label="Confirm new password" type="password" autoComplete="new-password" {...props.fieldProps("confirmPassword")} />
      <CheckboxField name="signOutOtherSessions" label="Sign me out on all other devices" defaultChecked />
    </>
  );
}

const verdicts = ["Very weak", "Weak", "Fair", "Good", "Strong"] as const;

function PasswordStrengthMeter({ password, userInputs }: { password: string; userInputs: string[] }) {
  const [score, setScore] = useState<number | null>(null);
  const inputsKey = userInputs.join("\n");

  useEffect(() => {
    if (!password) {
      setScore(null);
      return;
    }
    let current = true;
    void import("./password-strength-estimator").then(({ estimatePasswordStrength }) => {
      if (current) setScore(estimatePasswordStrength(password, inputsKey ? inputsKey.split("\n") : []));
    });
    return () => {
      current = false;
    };
  }, [password, inputsKey]);

  return (
    <div className="strength" data-score={score ?? undefined}>
      {/* Its fill comes from data-score in the stylesheet: an inline style would need 'unsafe-inline' in the CSP. */}
      <div className="strength-bar" aria-hidden="true">
        <span />
      </div>
      <p className="strength-text" aria-live="polite">
        {score === null ? "" : `Password strength: ${verdicts[score]}`}
      </p>
    </div>
  );
}
