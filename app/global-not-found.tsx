import type { Metadata } from "next";
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { StoreFrame } from "@/app/_components/store-frame";
import { pageSettings } from "@/app/_server/env";
import { isLocale, type Locale, LOCALE_HEADER, localePath } from "@/i18n/locales.mjs";
import { preferredLocale } from "@/i18n/routing.mjs";
import "./globals.css";

export const metadata: Metadata = { robots: { index: false, follow: false } };

/**
 * A path that is no page (/de/nothing-here, /nothing-here): every page's root layout is under app/[locale], so Next
 * answers these itself, with this whole document (next.config.ts, experimental.globalNotFound). In the path's
 * language, which server.mjs passes on for any path under /de or /fr; otherwise in the visitor's own (their cookie,
 * else their browser's), as a page would be.
 */
export default async function GlobalNotFound() {
  const requestHeaders = await headers();
  const fromPath = requestHeaders.get(LOCALE_HEADER);
  const locale: Locale = isLocale(fromPath) ? fromPath : preferredLocale(Object.fromEntries(requestHeaders));
  const t = await getTranslations({ locale, namespace: "shop.notFound" });
  return (
    <html lang={locale}>
      <head>
        <title>{`${t("title")} · ${pageSettings().storeName}`}</title>
      </head>
      <body>
        <StoreFrame locale={locale} storeName={pageSettings().storeName}>
          <section className="auth-card">
            <h1>{t("title")}</h1>
            <p className="auth-card-intro">{t("body")}</p>
            <div className="button-row">
              <a className="button button-secondary" href={localePath(locale, "/")}>
                {t("shop")}
              </a>
              <a className="button button-secondary" href={localePath(locale, "/account")}>
                {t("account")}
              </a>
            </div>
          </section>
        </StoreFrame>
      </body>
    </html>
  );
}
