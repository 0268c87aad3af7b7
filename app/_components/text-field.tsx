import type { InputHTMLAttributes, Ref } from "react";
import { PASSWORD_MIN_LENGTH } from "@/app/_lib/validation";

type TextFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "name"> & {
  name: string;
  label: string;
  /** Shown under the label, always; tied to the input with aria-describedby. */
  hint?: string;
  error?: string;
  ref?: Ref<HTMLInputElement>;
};

/**
 * A labelled input whose hint and error are tied to it with aria-describedby, so screen readers read them with the
 * field. The error is also in a live region, so it is announced when it appears while the shopper types.
 */
export function TextField({ name, label, hint, error, ref, ...inputProps }: TextFieldProps) {
  const id = `field-${name}`;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = `${id}-error`;
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      <input
        id={id}
        name={name}
        ref={ref}
        className="field-input"
        aria-invalid={error ? true : undefined}
        aria-describedby={[hintId, error ? errorId : undefined].filter(Boolean).join(" ") || undefined}
        {...inputProps}
      />
      <p id={errorId} className="field-error" aria-live="polite">
        {error}
      </p>
    </div>
  );
}

type PresetFieldProps = Omit<TextFieldProps, "label" | "type" | "autoComplete" | "inputMode" | "hint">;

/** The email field every form uses: the keyboard, autofill and label shoppers expect. */
export function EmailField(props: PresetFieldProps) {
  return <TextField label="Email" type="email" autoComplete="email" inputMode="email" {...props} />;
}

/** A field for choosing a password, with the policy stated up front and autofill offering a generated one. */
export function NewPasswordField({ label, ...props }: PresetFieldProps & { label: string }) {
  return (
    <TextField
      label={label}
      type="password"
      autoComplete="new-password"
      hint={`At least ${PASSWORD_MIN_LENGTH} characters. A few words you'll remember make a strong password.`}
      {...props}
    />
  );
}
