import type { Metadata } from "next";
import { formatMinutes } from "@/app/_lib/format";
import { VERIFICATION_TTL_MINUTES } from "@/app/_lib/verification";
import { FocusOnArrival } from "../../forgot-password/sent/focus-on-arrival";

export const metadata: Metadata = { title: "Check your email" };

/**
 * Where every well-formed sign-up ends up, new address or taken: the same prerendered page, so nothing on it can
 * say whether an account exists.
 */
export default function SignUpSentPage() {
  return (
    <section className="auth-card status-panel" role="status" aria-labelledby="sign-up-sent-title">
      <div className="status-icon" aria-hidden="true">
        ✉
      </div>
      <FocusOnArrival>
        <h1 id="sign-up-sent-title" tabIndex={-1}>
          Check your email
        </h1>
      </FocusOnArrival>
      <p>
        We&apos;ve sent an email to the address you entered. Follow the link in it to choose your name and password.
        The link lasts {formatMinutes(VERIFICATION_TTL_MINUTES)} and works once. If you already have an account with us,
        the email says so, with a link to sign in.
      </p>
      <p>
        Reading email on another device? The email also has a code you can <a href="/register/code">enter here</a>{" "}
        instead.
      </p>
      <p>Didn&apos;t get it after a few minutes? Check your spam folder, or make sure you typed your address correctly.</p>
      <div className="button-row">
        <a className="button button-secondary" href="/register">
          Try another email
        </a>
        <a className="button button-secondary" href="/login">
          Back to sign in
        </a>
      </div>
    </section>
  );
}
