import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { currentCustomerId } from "@/app/_server/auth/auth";
import { findCustomerProfile } from "@/app/_server/auth/customer-accounts";
import { signOutOfAccount } from "./actions";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const customerId = await currentCustomerId();
  const customer = customerId ? await findCustomerProfile(customerId) : null;
  if (!customer) redirect("/login?returnTo=/account");

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
        <section className="panel" aria-labelledby="security-title">
          <h2 id="security-title">Password</h2>
          <p>
            Forgotten it, or want a new one? We&apos;ll email you a link to choose a new password.
          </p>
          <Link href="/forgot-password">Reset your password</Link>
        </section>
      </div>
    </>
  );
}
