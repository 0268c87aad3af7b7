import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Notice } from "@/app/_components/notice";
import { type SearchParams, singleParam } from "@/app/_lib/search-params";
import { recentSecurityEvents } from "@/app/_server/audit";
import { currentCustomerId } from "@/app/_server/auth/auth";
import { findCustomerProfile } from "@/app/_server/auth/customer-accounts";
import { getConfig } from "@/app/_server/env";
import { signOutOfAccount } from "./actions";
import { ChangeEmailForm } from "./change-email-form";
import { ChangePasswordForm } from "./change-password-form";
import { SecurityActivity } from "./security-activity";

export const metadata: Metadata = { title: "Your account" };

const notices = new Map([
  ["password-changed", "Your password has been changed. We've emailed you to confirm."],
  ["email-changed", "Your email address has been changed. We've told your previous address, too."],
  ["password-reset", "Your password has been reset, and you're signed in."],
]);

export default async function AccountPage({ searchParams }: { searchParams: SearchParams }) {
  const customerId = await currentCustomerId();
  const customer = customerId ? await findCustomerProfile(customerId) : null;
  if (!customer) redirect("/login?returnTo=/account");
  const notice = notices.get(singleParam((await searchParams).notice) ?? "");
  const events = await recentSecurityEvents(customer.id);

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
        <section className="panel" aria-labelledby="activity-title">
          <h2 id="activity-title">Recent security activity</h2>
          <SecurityActivity events={events} />
        </section>
        <section className="panel" aria-labelledby="password-title">
          <h2 id="password-title">Change your password</h2>
          <ChangePasswordForm email={customer.email} passwordMinLength={getConfig().passwordMinLength} />
        </section>
        <section className="panel" aria-labelledby="email-title">
          <h2 id="email-title">Change your email address</h2>
          <p className="field-hint">We&apos;ll let your current address know, so you hear about it if it wasn&apos;t you.</p>
          <ChangeEmailForm />
        </section>
      </div>
    </>
  );
}
