import { useLocale, useTranslations } from "next-intl";
import { formatDuration } from "@/app/_lib/format";
import { FocusOnArrival } from "@/app/_components/focus-on-arrival";
import { localePath } from "@/i18n/locales.mjs";
import { ShopLink } from "./shop-link";

/**
 * "Check your email": where every well-formed request that mails an address ends up (a reset, a sign-up), whatever
 * the address, prerendered, so nothing on it can say whether an account exists. It says how long the link lasts,
 * where the emailed code goes on another device, and what to do if nothing arrives.
 */
export function EmailSent(props: { words: "recovery.sent" | "signUp.sent"; linkLastsMinutes: number; codePage: string; startPage: string }) {
  const t = useTranslations(props.words);
  const locale = useLocale();
  return (
    <section className="auth-card status-panel" role="status" aria-labelledby="email-sent-title">
      <div className="status-icon" aria-hidden="true">
        ✉
      </div>
      <FocusOnArrival>
        <h1 id="email-sent-title" tabIndex={-1}>
          {t("title")}
        </h1>
      </FocusOnArrival>
      <p>{t("body", { duration: formatDuration(locale, props.linkLastsMinutes) })}</p>
      <p>{t.rich("otherDevice", { link: (chunks) => <a href={localePath(locale, props.codePage)}>{chunks}</a> })}</p>
      <p>{t("notArrived")}</p>
      <div className="button-row">
        <ShopLink className="button button-secondary" href={props.startPage}>
          {t("tryAnother")}
        </ShopLink>
        <ShopLink className="button button-secondary" href="/login">
          {t("backToSignIn")}
        </ShopLink>
      </div>
    </section>
  );
}
