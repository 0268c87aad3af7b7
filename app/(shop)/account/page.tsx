import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Notice } from "@/app/_components/notice";
import { type SearchParams, singleParam } from "@/app/_lib/search-params";
import { pendingEmailChange } from "@/app/_server/account/email-change";
import { recentSecurityEvents } from "@/app/_server/audit";
import { currentSignIn } from "@/app/_server/auth/auth";
import { findCustomerProfile } from "@/app/_server/auth/customer-accounts";
import { listSessions } from "@/app/_server/auth/sessions";
import { signOutOfAccount } from "./actions";
// Imported directly, not on interaction as the sign-in pages' forms are: this page renders per request and streams,
// and a form behind a lazy boundary there would reach a browser without JavaScript only through a script.
import { ChangeEmailForm } from "./change-email-form";
import { ChangePasswordForm } from "./change-password-form";
import { PendingEmailChange } from "./pending-email-change";
import { SecurityActivity } from "./security-activity";
import { SignedInDevices } from "./signed-in-devices";

export const metadata: Metadata = { title: "Your account" };

const notices = new Map([
  ["password-changed", "Your password has been changed. We've emailed you to confirm."],
  ["email-change-sent", "Check the inbox of your new address: we've sent it a link and a code. We've told your current address, too."],
  ["email-change-cancelled", "The change of email address is cancelled. Your address stays as it was."],
  ["email-changed", "Your email address has been changed. We've told your previous address, too."],
  ["password-reset", "Your password has been reset, and you're signed in."],
  ["account-created", "Welcome! Your account is ready, and you're signed in."],
  ["device-signed-out", "That device has been signed out."],
  ["signed-out-elsewhere", "You've been signed out everywhere else. This device stays signed in."],
]);

const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export default async function AccountPage({ searchParams }: { searchParams: SearchParams }) {
  const signedIn = await currentSignIn();
  const customer = signedIn ? await findCustomerProfile(signedIn.customerId) : null;
  if (!signedIn || !customer) redirect("/login?returnTo=/account");
  const notice = notices.get(singleParam((await searchParams).notice) ?? "");
  const [events, devices, pending] = await Promise.all([
    recentSecurityEvents(customer.id),
    listSessions(customer.id, signedIn.sessionId),
    pendingEmailChange(customer.id),
  ]);

  return (
    <>
      <div className="page-heading">
        <h1>Hello, {customer.name}</h1>
        <form action={signOutOfAccount}>
          <button type="submit" className="button button-secondary">
            Sign out
          </button>
        </form>
      </div>
      {notice && <Notice>{notice}</Notice>}
      <div className="account-grid">
        <section className="panel" aria-labelledby="profile-title">
          <h2 id="profile-title">Your details</h2>
          <dl className="details">
            <dt>Name</dt>
            <dd>{customer.name}</dd>
            <dt>Email</dt>
            <dd>{customer.email}</dd>
          </dl>
        </section>
        <section className="panel" aria-labelledby="devices-title">
          <h2 id="devices-title">Where you&apos;re signed in</h2>
          <SignedInDevices devices={devices} />
        </section>
        <section className="panel" aria-labelledby="activity-title">
          <h2 id="activity-title">Recent security activity</h2>
          <SecurityActivity events={events} />
        </section>
        <section className="panel" aria-labelledby="password-title">
          <h2 id="password-title">Change your password</h2>
          <ChangePasswordForm email={customer.email} />
        </section>
        <section className="panel" aria-labelledby="email-title">
          <h2 id="email-title">Change your email address</h2>
          {pending ? (
            <>
              <p>
                We&apos;ve sent a link and a code to <strong>{pending.email}</strong>. Your address changes once you use
                one of them, by {`${dateTime.format(pending.expiresAt)} UTC`}. Until then, we keep using your current
                address.
              </p>
              <PendingEmailChange />
            </>
          ) : (
            <>
              <p className="field-hint">
                We&apos;ll send a link and a code to the new address to confirm it, and let your current address know.
              </p>
              <ChangeEmailForm />
            </>
          )}
        </section>
      </div>
    </>
  );
}
