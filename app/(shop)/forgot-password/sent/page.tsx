import type { Metadata } from "next";
import { formatMinutes } from "@/app/_lib/format";
import { pageSettings } from "@/app/_server/env";
import { FocusOnArrival } from "./focus-on-arrival";

export const metadata: Metadata = { title: "Check your email" };

/**
 * Where every well-formed request for a reset link ends up, registered address or not: the same page, prerendered,
 * so nothing on it can reveal whether an account exists.
 */
export default function ResetLinkSentPage() {
  return (
    <section className="auth-card status-panel" role="status" aria-labelledby="reset-link-sent-title">
      <div className="status-icon" aria-hidden="true">
        ✉
      </div>
      <FocusOnArrival>
        <h1 id="reset-link-sent-title" tabIndex={-1}>
          Check your email
        </h1>
      </FocusOnArrival>
      <p>
        If an account uses the address you entered, we&apos;ve sent it a link to choose a new password. The link lasts{" "}
        {formatMinutes(pageSettings().resetTokenTtlMinutes)} and works once.
      </p>
      <p>
        Reading email on another device? The email also has a code you can <a href="/reset-password/code">enter here</a>{" "}
        instead.
      </p>
      <p>Didn&apos;t get it after a few minutes? Check your spam folder, or make sure you typed the address you shop with.</p>
      <div className="button-row">
        <a className="button button-secondary" href="/forgot-password">
          Try another email
        </a>
        <a className="button button-secondary" href="/login">
          Back to sign in
        </a>
      </div>
    </section>
  );
}
