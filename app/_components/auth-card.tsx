import type { ReactNode } from "react";

/** The centred card that holds each account form. */
export function AuthCard({ title, intro, children }: { title: string; intro?: ReactNode; children: ReactNode }) {
  return (
    <section className="auth-card" aria-labelledby="auth-card-title">
      <h1 id="auth-card-title">{title}</h1>
      {intro && <p className="auth-card-intro">{intro}</p>}
      {children}
    </section>
  );
}
