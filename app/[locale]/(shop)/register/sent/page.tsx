import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { useLocale, useTranslations } from "next-intl";
import { ShopLink } from "@/app/_components/shop-link";
import { formatDuration } from "@/app/_lib/format";
import { VERIFICATION_TTL_MINUTES } from "@/app/_lib/verification";
import { localePath } from "@/i18n/locales.mjs";
import { FocusOnArrival } from "../../forgot-password/sent/focus-on-arrival";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("signUp.sent"))("title") };
}

/**
 * Where every well-formed sign-up ends up, new address or taken: the same prerendered page, so nothing on it can
 * say whether an account exists.
 */
export default function SignUpSentPage() {
  const t = useTranslations("signUp.sent");
  const locale = useLocale();
  return (
    <section className="auth-card status-panel" role="status" aria-labelledby="sign-up-sent-title">
      <div className="status-icon" aria-hidden="true">
        ✉
      </div>
      <FocusOnArrival>
        <h1 id="sign-up-sent-title" tabIndex={-1}>
          {t("title")}
        </h1>
      </FocusOnArrival>
      <p>{t("body", { duration: formatDuration(locale, VERIFICATION_TTL_MINUTES) })}</p>
      <p>{t.rich("otherDevice", { link: (chunks) => <a href={localePath(locale, "/register/code")}>{chunks}</a> })}</p>
      <p>{t("notArrived")}</p>
      <div className="button-row">
        <ShopLink className="button button-secondary" href="/register">
          {t("tryAnother")}
        </ShopLink>
        <ShopLink className="button button-secondary" href="/login">
          {t("backToSignIn")}
        </ShopLink>
      </div>
    </section>
  );
}
