import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { Notice } from "@/app/_components/notice";
import { formatDateTime } from "@/app/_lib/format";
import { type SearchParams, singleParam } from "@/app/_lib/search-params";
import { pendingEmailChange } from "@/app/_server/account/email-change";
import { recentSecurityEvents } from "@/app/_server/audit";
import { currentSignIn } from "@/app/_server/auth/auth";
import { findCustomerProfile } from "@/app/_server/auth/customer-accounts";
import { listSessions } from "@/app/_server/auth/sessions";
import { localePath } from "@/i18n/locales.mjs";
import { signOutOfAccount } from "./actions";
// Imported directly, not on interaction as the sign-in pages' forms are: this page renders per request and streams,
// and a form behind a lazy boundary there would reach a browser without JavaScript only through a script.
import { ChangeEmailForm } from "./change-email-form";
import { ChangePasswordForm } from "./change-password-form";
import { PendingEmailChange } from "./pending-email-change";
import { SecurityActivity } from "./security-activity";
import { SignedInDevices } from "./signed-in-devices";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account"))("title") };
}

const NOTICES = [
  "password-changed",
  "email-change-sent",
  "email-change-cancelled",
  "email-changed",
  "password-reset",
  "account-created",
  "device-signed-out",
  "signed-out-elsewhere",
] as const;
type AccountNotice = (typeof NOTICES)[number];

function isAccountNotice(value: string | undefined): value is AccountNotice {
  return (NOTICES as readonly (string | undefined)[]).includes(value);
}

export default async function AccountPage({ searchParams }: { searchParams: SearchParams }) {
  const locale = await getLocale();
  const signedIn = await currentSignIn();
  const customer = signedIn ? await findCustomerProfile(signedIn.customerId) : null;
  if (!signedIn || !customer) redirect(localePath(locale, `/login?returnTo=${localePath(locale, "/account")}`));
  const notice = singleParam((await searchParams).notice);
  const [events, devices, pending, t] = await Promise.all([
    recentSecurityEvents(customer.id),
    listSessions(customer.id, signedIn.sessionId),
    pendingEmailChange(customer.id),
    getTranslations("account"),
  ]);

  return (
    <>
      <div className="page-heading">
        <h1>{t("hello", { name: customer.name })}</h1>
        <form action={signOutOfAccount}>
          <button type="submit" className="button button-secondary">
            {t("signOut")}
          </button>
        </form>
      </div>
      {isAccountNotice(notice) && <Notice>{t(`notices.${notice}`)}</Notice>}
      <div className="account-grid">
        <section className="panel" aria-labelledby="profile-title">
          <h2 id="profile-title">{t("details.title")}</h2>
          <dl className="details details-stacked">
            <dt>{t("details.name")}</dt>
            <dd>{customer.name}</dd>
            <dt>{t("details.email")}</dt>
            <dd>{customer.email}</dd>
          </dl>
        </section>
        <section className="panel" aria-labelledby="devices-title">
          <h2 id="devices-title">{t("devices.title")}</h2>
          <SignedInDevices devices={devices} />
        </section>
        <section className="panel" aria-labelledby="activity-title">
          <h2 id="activity-title">{t("activity.title")}</h2>
          <SecurityActivity events={events} />
        </section>
        <section className="panel" aria-labelledby="password-title">
          <h2 id="password-title">{t("changePassword.title")}</h2>
          <ChangePasswordForm email={customer.email} />
        </section>
        <section className="panel" aria-labelledby="email-title">
          <h2 id="email-title">{t("changeEmail.title")}</h2>
          {pending ? (
            <>
              <p>
                {t.rich("changeEmail.pending", {
                  email: pending.email,
                  deadline: formatDateTime(locale, pending.expiresAt),
                  strong: (chunks) => <strong>{chunks}</strong>,
                })}
              </p>
              <PendingEmailChange />
            </>
          ) : (
            <>
              <p className="field-hint">{t("changeEmail.hint")}</p>
              <ChangeEmailForm />
            </>
          )}
        </section>
      </div>
    </>
  );
}
