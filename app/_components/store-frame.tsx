import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { type Locale, localePath } from "@/i18n/locales.mjs";
import { LanguageSwitcher } from "./language-switcher";

/**
 * The storefront chrome around every shopper-facing page, in the page's language: skip link, header, main landmark,
 * footer with the language switcher. (The dev mailbox shows it in English, without the switcher.)
 */
export async function StoreFrame(props: { locale: Locale; storeName: string; children: ReactNode; languageSwitcher?: boolean }) {
  const { locale, storeName, children, languageSwitcher = true } = props;
  const t = await getTranslations({ locale, namespace: "shop.frame" });
  return (
    <>
      <a className="skip-link" href="#main">
        {t("skipToContent")}
      </a>
      <header className="site-header">
        <div className="site-header-inner">
          <a href={localePath(locale, "/")} className="wordmark">
            <span className="wordmark-leaf" aria-hidden="true" />
            {storeName}
          </a>
          <nav className="site-nav" aria-label={t("mainNavigation")}>
            <ul>
              <li>
                <a href={localePath(locale, "/")}>{t("shop")}</a>
              </li>
              <li>
                <a href={localePath(locale, "/account")}>{t("yourAccount")}</a>
              </li>
            </ul>
          </nav>
        </div>
      </header>
      <main id="main" className="site-main" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <div className="site-footer-inner">
          <div>
            <p className="site-footer-name">{storeName}</p>
            <p>{t("tagline")}</p>
          </div>
          {languageSwitcher && <LanguageSwitcher locale={locale} />}
        </div>
      </footer>
    </>
  );
}
