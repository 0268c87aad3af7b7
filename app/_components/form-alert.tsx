import type { Ref } from "react";

/**
 * A problem with the whole form (wrong password, service trouble). role="alert" announces it; it is focusable so
 * focus can be moved to it after a failed submission.
 */
export function FormAlert({ message, ref, autoFocus }: { message?: string; ref?: Ref<HTMLDivElement>; autoFocus?: boolean }) {
  if (!message) return null;
  return (
    <div ref={ref} className="alert alert-error" role="alert" tabIndex={-1} autoFocus={autoFocus}>
      {message}
    </div>
  );
}
