import type { Metadata } from "next";
import { cookies } from "next/headers";
import { VerificationProblem } from "@/app/_components/verification-problem";
import { type SearchParams, singleParam } from "@/app/_lib/search-params";
import { isVerificationPageProblem } from "@/app/_lib/verification";
import { checkEmailChangeGrant } from "@/app/_server/account/email-change";
import { readVerificationGrantCookie } from "@/app/_server/recovery/verification-cookie";
import { confirmEmailChange } from "../../actions";

export const metadata: Metadata = { title: "Confirm your new email address" };

/**
 * Where the link mailed to the new address leads. Opening it only shows what will happen (a mail scanner can't
 * confirm anything); the button does it. No sign-in is needed: the link is the proof that this is the new address.
 */
export default async function ConfirmEmailChangePage({ searchParams }: { searchParams: SearchParams }) {
  const fromLanding = singleParam((await searchParams).link);
  if (fromLanding === "taken") {
    return (
      <section className="auth-card status-panel" aria-labelledby="confirm-email-title">
        <h1 id="confirm-email-title">This address can&apos;t be used</h1>
        <p>It has had an account of its own since the change was asked for, so the email address stays as it was.</p>
        <div className="button-row">
          <a className="button button-secondary" href="/account">
            Go to your account
          </a>
        </div>
      </section>
    );
  }
  if (isVerificationPageProblem(fromLanding)) return <VerificationProblem purpose="email-change" problem={fromLanding} />;
  const check = await checkEmailChangeGrant(readVerificationGrantCookie(await cookies(), "email-change"));
  if (check.status !== "valid") return <VerificationProblem purpose="email-change" problem={check.status} />;
  return (
    <section className="auth-card" aria-labelledby="confirm-email-title">
      <h1 id="confirm-email-title">Confirm your new email address</h1>
      <p className="auth-card-intro">
        Your account will use <strong>{check.email}</strong> from now on: for signing in, receipts and password resets.
        We&apos;ll let your previous address know.
      </p>
      <form action={confirmEmailChange}>
        <button type="submit" className="button button-primary">
          Confirm {check.email}
        </button>
      </form>
    </section>
  );
}
