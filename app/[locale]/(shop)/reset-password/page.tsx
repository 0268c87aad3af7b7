import type { Metadata } from "next";
import { cookies, headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { useLocale, useTranslations } from "next-intl";
import { ResetLinkProblem } from "@/app/_components/reset-link-problem";
import { isUnusableLinkReason } from "@/app/_lib/reset-link-status";
import { type SearchParams, singleParam } from "@/app/_lib/search-params";
import { readResetGrantCookie } from "@/app/_server/recovery/reset-grant-cookie";
import { checkResetGrant } from "@/app/_server/recovery/reset-token-checks";
import { localePath } from "@/i18n/locales.mjs";
import { ResetPasswordForm } from "./reset-password-form.lazy";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("recovery.reset"))("title") };
}

/**
 * The clean reset page. The emailed link's landing route has already moved the token into the reset-grant cookie,
 * so this URL carries no secret. It checks the grant without using it; only submitting the form does.
 */
export default async function ResetPasswordPage({ searchParams }: { searchParams: SearchParams }) {
  const fromLanding = singleParam((await searchParams).link);
  if (isUnusableLinkReason(fromLanding)) return <ResetLinkProblem reason={fromLanding} />;

  const grant = readResetGrantCookie(await cookies());
  if (!grant) {
    // Chromium withholds SameSite=Strict cookies from a redirect chain that another site started, which is what
    // clicking the link in webmail is. One hop from this page fixes it: that navigation starts here, so the cookie
    // comes along.
    if ((await headers()).get("sec-fetch-site") === "cross-site") return <ContinueToReset />;
    return <ResetLinkProblem reason="missing" />;
  }
  const check = await checkResetGrant(grant);
  if (check.status !== "valid") return <ResetLinkProblem reason={check.status} />;
  const t = await getTranslations("recovery.reset");
  return (
    <section className="auth-card" aria-labelledby="reset-password-title">
      <h1 id="reset-password-title">{t("title")}</h1>
      <p className="auth-card-intro">{t.rich("intro", { email: check.token.email, strong: (chunks) => <strong>{chunks}</strong> })}</p>
      <ResetPasswordForm email={check.token.email} />
    </section>
  );
}

function ContinueToReset() {
  const t = useTranslations("recovery.reset");
  const href = localePath(useLocale(), "/reset-password");
  return (
    <section className="auth-card" aria-labelledby="continue-title">
      <meta httpEquiv="refresh" content={`0;url=${href}`} />
      <h1 id="continue-title">{t("opening")}</h1>
      <p className="auth-card-intro">{t("openingHint")}</p>
      <a className="button button-primary" href={href}>
        {t("continue")}
      </a>
    </section>
  );
}
