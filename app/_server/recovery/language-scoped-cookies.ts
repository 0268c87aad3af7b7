import "server-only";
import { DEFAULT_LOCALE, LOCALES, localePath } from "@/i18n/locales.mjs";

/**
 * A cookie for a group of pages that exist in every language (/reset-password, /de/reset-password, …), kept as one
 * cookie per language, each scoped to its own language's path: it reaches no other path, and the grant still works
 * when the shopper switches language on the page. English keeps the plain name; the others add their language
 * (reset_grant, reset_grant_de, reset_grant_fr).
 */
export function languageScopedCookies(name: string, path: string): { name: string; path: string }[] {
  return LOCALES.map((locale) => ({ name: locale === DEFAULT_LOCALE ? name : `${name}_${locale}`, path: localePath(locale, path) }));
}

type CookieReader = { get(name: string): { value: string } | undefined };

/** The value a request carries in any of them: a browser sends only the one whose path the request is under. */
export function readLanguageScopedCookie(jar: CookieReader, cookies: { name: string }[]): string | undefined {
  for (const { name } of cookies) {
    const value = jar.get(name)?.value;
    if (value) return value;
  }
  return undefined;
}
