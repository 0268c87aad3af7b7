import type { Metadata } from "next";
import { type SearchParams, singleParam } from "@/app/_lib/search-params";
import { checkAccountAlert } from "@/app/_server/recovery/account-alerts";
import { confirmNotMe } from "../actions";

export const metadata: Metadata = { title: "Secure your account" };

const unusable = {
  invalid: ["This link doesn't work", "It may be incomplete. Open it again from the email, or reset your password."],
  expired: ["This link has expired", "These links last a week. If you still think someone else is using your account, reset your password now."],
  used: ["This link has already been used", "Your account has already been secured. Check your email for the link to choose a new password."],
} as const;
type UnusableAlert = keyof typeof unusable;

function isUnusableAlert(value: string | undefined): value is UnusableAlert {
  return value !== undefined && Object.hasOwn(unusable, value);
}

/**
 * The "This wasn't me" link from a password- or email-changed email. Opening it only asks for confirmation, so a
 * mail scanner can't trigger it; the button does the work (reportNotMe, app/_server/recovery/report-not-me.ts).
 */
export default async function NotMePage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const result = singleParam(params.result);
  if (result === "secured-no-reset") {
    return (
      <section className="auth-card status-panel" aria-labelledby="not-me-title">
        <div className="status-icon status-icon-warning" aria-hidden="true">
          !
        </div>
        <h1 id="not-me-title">Your account is locked</h1>
        <p>
          We&apos;ve signed everyone out of your account and locked its password, so nobody can use it. Your previous
          email address now belongs to another confirmed account, so we couldn&apos;t put it back, and we won&apos;t
          send a reset link to the address you say isn&apos;t yours. Please contact us, and we&apos;ll help you get back in.
        </p>
        <div className="button-row">
          <a className="button button-secondary" href="/">
            Go to the shop
          </a>
        </div>
      </section>
    );
  }
  if (result === "secured") {
    return (
      <section className="auth-card status-panel" aria-labelledby="not-me-title">
        <div className="status-icon" aria-hidden="true">
          ✓
        </div>
        <h1 id="not-me-title">Your account is secure</h1>
        <p>
          We&apos;ve signed everyone out of your account, everywhere, and locked its password. We&apos;ve emailed you a
          link to choose a new one: it&apos;s the only way back in, and only you receive it.
        </p>
        <div className="button-row">
          <a className="button button-secondary" href="/">
            Go to the shop
          </a>
        </div>
      </section>
    );
  }

  const token = singleParam(params.token);
  // After the button: the outcome, passed back in the URL. Before: the link itself, checked without acting on it.
  const check = isUnusableAlert(result) ? { status: result } : await checkAccountAlert(token);
  if (check.status !== "valid") {
    const [title, body] = unusable[check.status];
    return (
      <section className="auth-card status-panel" aria-labelledby="not-me-title">
        <h1 id="not-me-title">{title}</h1>
        <p>{body}</p>
        <div className="button-row">
          <a className="button button-primary" href="/forgot-password">
            Reset my password
          </a>
        </div>
      </section>
    );
  }

  return (
    <section className="auth-card" aria-labelledby="not-me-title">
      <h1 id="not-me-title">Secure your account</h1>
      <p className="auth-card-intro">If you didn&apos;t make this change, we&apos;ll:</p>
      <ul className="plain-list">
        <li>sign everyone out of your account, on every device;</li>
        <li>lock the password, so nobody can sign in with it;</li>
        {check.change === "email-change-requested" && <li>cancel the change of email address;</li>}
        {check.change === "email-changed" && <li>put your previous email address back;</li>}
        <li>email you a link to choose a new password.</li>
      </ul>
      <form action={confirmNotMe}>
        <input type="hidden" name="token" value={token} />
        <button type="submit" className="button button-primary">
          Yes, secure my account
        </button>
      </form>
    </section>
  );
}
