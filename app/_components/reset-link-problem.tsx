import Link from "next/link";
import type { ResetPageProblem } from "@/app/_lib/reset-link-status";

const explanations: Record<ResetPageProblem, { title: string; body: string }> = {
  invalid: {
    title: "This reset link doesn't work",
    body: "The link is incomplete or isn't one we sent. Links sometimes break when they're copied from an email, so try clicking it again, or ask for a new one.",
  },
  expired: {
    title: "This reset link has expired",
    body: "For your security, reset links only last a short while. Ask for a new one and use it soon after it arrives.",
  },
  used: {
    title: "This reset link has already been used",
    body: "Each reset link works once. If you've just chosen a new password, sign in with it. Otherwise, ask for a new link.",
  },
  superseded: {
    title: "This reset link has been replaced",
    body: "You asked for another reset link after this one, so only the newest link works. Use the most recent email, or ask for a new link.",
  },
  missing: {
    title: "Open your reset link again",
    body: "For your security, this page only works in the browser where you opened the link from your email, for 15 minutes. Open the link again, or enter the code from the email instead.",
  },
};

/** What a shopper sees instead of the form when a reset link can't be used, with a way forward. */
export function ResetLinkProblem({ reason }: { reason: ResetPageProblem }) {
  const { title, body } = explanations[reason];
  return (
    <section className="auth-card status-panel" aria-labelledby="reset-link-problem-title">
      <div className="status-icon status-icon-warning" aria-hidden="true">
        !
      </div>
      <h1 id="reset-link-problem-title">{title}</h1>
      <p>{body}</p>
      <div className="button-row">
        <Link className="button button-primary" href="/forgot-password">
          Send me a new link
        </Link>
        <Link className="button button-secondary" href={reason === "missing" ? "/reset-password/code" : "/login"}>
          {reason === "missing" ? "Enter a code" : "Back to sign in"}
        </Link>
      </div>
    </section>
  );
}
