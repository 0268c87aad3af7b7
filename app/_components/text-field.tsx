import type { InputHTMLAttributes, Ref } from "react";

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
