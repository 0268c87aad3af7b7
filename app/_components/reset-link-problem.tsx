import { RESET_PROBLEM_EXPLANATIONS, type ResetPageProblem } from "@/app/_lib/reset-link-status";


/** What a shopper sees instead of the form when a reset link can't be used, with a way forward. */
export function ResetLinkProblem({ reason }: { reason: ResetPageProblem }) {
  const { title, body } = RESET_PROBLEM_EXPLANATIONS[reason];
  return (
    <section className="auth-card status-panel" aria-labelledby="reset-link-problem-title">
      <div className="status-icon status-icon-warning" aria-hidden="true">
        !
      </div>
      <h1 id="reset-link-problem-title">{title}</h1>
      <p>{body}</p>
      <div className="button-row">
        <a className="button button-primary" href="/forgot-password">
          Send me a new link
        </a>
        <a className="button button-secondary" href={reason === "missing" ? "/reset-password/code" : "/login"}>
          {reason === "missing" ? "Enter a code" : "Back to sign in"}
        </a>
      </div>
    </section>
  );
}
