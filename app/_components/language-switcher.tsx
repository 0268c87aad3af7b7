import { getTranslations } from "next-intl/server";
import { LOCALE_NAMES, LOCALES, type Locale } from "@/i18n/locales.mjs";

/**
 * The footer's choice of language: a plain form, so it works without JavaScript. The route it posts to
 * (app/language/route.ts) remembers the choice in a cookie (and on the account, when signed in) and sends the shopper
 * back to the page they were on, in the language they chose. Each name is written in its own language.
 */
export async function LanguageSwitcher({ locale }: { locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "shop.frame" });
  return (
    <form method="post" action="/language" className="language-switcher" aria-label={t("language")}>
      <span className="language-switcher-label" aria-hidden="true">
        {t("language")}
      </span>
      {LOCALES.map((option) => (
        <button
          key={option}
          type="submit"
          name="locale"
          value={option}
          lang={option}
          className="language-option"
          aria-current={option === locale ? "true" : undefined}
        >
          {LOCALE_NAMES[option]}
        </button>
      ))}
    </form>
  );
}
