import type { ReactNode } from "react";

/**
 * The form's main button. While the action runs it says so and is marked aria-disabled rather than disabled, so
 * keyboard focus stays on it; the form ignores repeated submits meanwhile.
 */
export function SubmitButton({ children, pending, pendingLabel }: { children: ReactNode; pending: boolean; pendingLabel: string }) {
  return (
    <button type="submit" className="button button-primary" aria-disabled={pending || undefined}>
      {pending ? pendingLabel : children}
    </button>
  );
}
