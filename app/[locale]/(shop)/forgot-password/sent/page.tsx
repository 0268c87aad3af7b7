import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { useLocale, useTranslations } from "next-intl";
import { ShopLink } from "@/app/_components/shop-link";
import { formatDuration } from "@/app/_lib/format";
import { pageSettings } from "@/app/_server/env";
import { localePath } from "@/i18n/locales.mjs";
import { FocusOnArrival } from "./focus-on-arrival";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("recovery.sent"))("title") };
}

/**
 * Where every well-formed request for a reset link ends up, registered address or not: the same page, prerendered,
 * so nothing on it can reveal whether an account exists.
 */
export default function ResetLinkSentPage() {
  const t = useTranslations("recovery.sent");
  const locale = useLocale();
  return (
    <section className="auth-card status-panel" role="status" aria-labelledby="reset-link-sent-title">
      <div className="status-icon" aria-hidden="true">
        ✉
      </div>
      <FocusOnArrival>
        <h1 id="reset-link-sent-title" tabIndex={-1}>
          {t("title")}
        </h1>
      </FocusOnArrival>
      <p>{t("body", { duration: formatDuration(locale, pageSettings().resetTokenTtlMinutes) })}</p>
      <p>{t.rich("otherDevice", { link: (chunks) => <a href={localePath(locale, "/reset-password/code")}>{chunks}</a> })}</p>
      <p>{t("notArrived")}</p>
      <div className="button-row">
        <ShopLink className="button button-secondary" href="/forgot-password">
          {t("tryAnother")}
        </ShopLink>
        <ShopLink className="button button-secondary" href="/login">
          {t("backToSignIn")}
        </ShopLink>
      </div>
    </section>
  );
}
