import type { Metadata, Viewport } from "next";
import { notFound } from "next/navigation";
import { pageSettings } from "@/app/_server/env";
import { isLocale, LOCALES } from "@/i18n/locales.mjs";
import "../globals.css";

/**
 * The root of every shop page, in each language: /de/… and /fr/… here, and the English pages at their unprefixed
 * paths, which next.config.ts rewrites to /en/… (i18n/routing.mjs). Each page is prerendered once per language
 * wherever it can be. `locale` is a root parameter, so any server component can read it (next/root-params).
 */
export const dynamicParams = false;
export function generateStaticParams() {
  return LOCALES.map((locale) => ({ locale }));
}

export function generateMetadata(): Metadata {
  const { storeName } = pageSettings();
  return {
    title: { default: storeName, template: `%s · ${storeName}` },
    // Account pages are personal; keep them out of search engines.
    robots: { index: false, follow: false },
    icons: { icon: { url: "/favicon.svg", type: "image/svg+xml" } },
  };
}

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: "#1f3d2b",
};

export default async function RootLayout({ children, params }: LayoutProps<"/[locale]">) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  return (
    <html lang={locale}>
      <body>{children}</body>
    </html>
  );
}
