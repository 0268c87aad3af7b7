import { type VerificationPageProblem, verificationProblemExplanation } from "@/app/_lib/verification";

/** What a shopper sees instead of the form when a sign-up or email-change link can't be used, with a way forward. */
export function VerificationProblem({ purpose, problem }: { purpose: "sign-up" | "email-change"; problem: VerificationPageProblem }) {
  const { title, body } = verificationProblemExplanation(purpose, problem);
  const [primary, secondary] =
    purpose === "sign-up"
      ? problem === "used"
        ? [{ href: "/login", label: "Sign in" }, { href: "/register", label: "Start again" }]
        : [{ href: "/register", label: "Start again" }, { href: "/register/code", label: "Enter a code" }]
      : [{ href: "/account", label: "Go to your account" }, { href: "/login", label: "Sign in" }];
  return (
    <section className="auth-card status-panel" aria-labelledby="verification-problem-title">
      <div className="status-icon status-icon-warning" aria-hidden="true">
        !
      </div>
      <h1 id="verification-problem-title">{title}</h1>
      <p>{body}</p>
      <div className="button-row">
        <a className="button button-primary" href={primary.href}>
          {primary.label}
        </a>
        <a className="button button-secondary" href={secondary.href}>
          {secondary.label}
        </a>
      </div>
    </section>
  );
}
