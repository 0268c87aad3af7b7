import { type InputHTMLAttributes, type Ref, useId } from "react";
import { EMAIL_MAX_LENGTH } from "@/app/_lib/field-rules";

export type TextFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "name"> & {
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
  // Unique per rendered field: a page can hold two forms with the same field name (the account page does).
  // (React 19 ids, like _R_1d_, are valid in ids and selectors as they are.)
  const id = `field-${name}${useId()}`;
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

type PresetFieldProps = Omit<TextFieldProps, "type" | "autoComplete" | "inputMode" | "hint">;

/** The email field every form uses: the keyboard, autofill and maximum length shoppers expect. */
export function EmailField(props: PresetFieldProps) {
  return <TextField type="email" autoComplete="email" inputMode="email" maxLength={EMAIL_MAX_LENGTH} {...props} />;
}

/** A field for the password the shopper already has (sign-in, and confirming a change on the account page). */
export function CurrentPasswordField(props: PresetFieldProps) {
  return <TextField type="password" autoComplete="current-password" {...props} />;
}

/** The 8-character code from an email (a reset, a sign-up, an email change): typed on a phone as easily as on a desk. */
export function CodeField(props: Omit<PresetFieldProps, "className" | "autoCapitalize" | "spellCheck"> & { hint: string }) {
  return (
    <TextField
      type="text"
      autoComplete="one-time-code"
      autoCapitalize="characters"
      spellCheck={false}
      className="field-input field-input-code"
      {...props}
    />
  );
}

/** A checkbox with its label beside it. It is sent as "on" when ticked and not at all otherwise, as in any form. */
export function CheckboxField({ name, label, defaultChecked }: { name: string; label: string; defaultChecked?: boolean }) {
  const id = `field-${name}${useId()}`;
  return (
    <div className="checkbox-field">
      <input type="checkbox" id={id} name={name} defaultChecked={defaultChecked} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}
