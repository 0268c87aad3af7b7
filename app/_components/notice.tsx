import type { ReactNode } from "react";

/** A calm confirmation (password changed, signed out). role="status" lets screen readers announce it politely. */
export function Notice({ children }: { children: ReactNode }) {
  return (
    <div className="alert alert-success" role="status">
      {children}
    </div>
  );
}
