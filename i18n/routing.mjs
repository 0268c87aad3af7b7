// How a request finds its language, for server.mjs (before Next) and the app: the path's prefix, else the shopper's
// own choice (the cookie the language switcher sets), else their browser's Accept-Language, else English. The
// languages and paths themselves are ./locales.mjs.
import Negotiator from "negotiator";
import { DEFAULT_LOCALE, isLocale, isShopPagePath, LOCALE_COOKIE, LOCALES, localePath, SHOP_SECTIONS, splitLocalePrefix } from "./locales.mjs";

/** The language a Cookie header names in LOCALE_COOKIE, if it names one of ours. */
export function localeFromCookieHeader(cookieHeader) {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(";")) {
    const separator = part.indexOf("=");
    if (separator !== -1 && part.slice(0, separator).trim() === LOCALE_COOKIE) {
      const value = part.slice(separator + 1).trim();
      return isLocale(value) ? value : null;
    }
  }
  return null;
}

/** The best of our languages for an Accept-Language header ("de-CH,de;q=0.9,en;q=0.8" → "de"), else English. */
export function localeFromAcceptLanguage(acceptLanguage) {
  if (!acceptLanguage) return DEFAULT_LOCALE;
  const [best] = new Negotiator({ headers: { "accept-language": acceptLanguage } }).languages(LOCALES);
  return isLocale(best) ? best : DEFAULT_LOCALE;
}

/** The shopper's language when the URL doesn't say: their own choice (the cookie), else their browser's, else English. */
export function preferredLocale(headers) {
  return localeFromCookieHeader(headers.cookie) ?? localeFromAcceptLanguage(headers["accept-language"]);
}

/**
 * What server.mjs does with a request, by its method, path and headers (plain Node headers, names in lower case):
 * - `redirect`: a page asked for without a prefix by a shopper whose language isn't English goes to that
 *   language's version (307, so the method is kept; only GET and HEAD are redirected), and an English page asked
 *   for under /en goes to its unprefixed address;
 * - `locale`: otherwise, the language the request belongs to, to pass on in LOCALE_HEADER: a form posted from
 *   /de/login is German, and so is any path under /de (its "not found" page too); an unprefixed page is English.
 *   Null for what isn't a page (the JSON APIs choose from Accept-Language themselves).
 * Requests from Next's client router (RSC) are never redirected: the page that sent them has its language already.
 */
export function routeLocale(method, target, headers) {
  const queryStart = target.search(/[?#]/);
  const pathname = queryStart === -1 ? target : target.slice(0, queryStart);
  const query = queryStart === -1 ? "" : target.slice(queryStart);
  const { locale: prefixed, path } = splitLocalePrefix(pathname);
  const navigation = (method === "GET" || method === "HEAD") && !headers.rsc;
  if (prefixed && prefixed !== DEFAULT_LOCALE) return { redirect: null, locale: prefixed };
  if (!isShopPagePath(path)) return { redirect: null, locale: prefixed };
  if (prefixed) return navigation ? { redirect: `${path}${query}`, locale: null } : { redirect: null, locale: DEFAULT_LOCALE };
  if (navigation) {
    const preferred = preferredLocale(headers);
    if (preferred !== DEFAULT_LOCALE) return { redirect: `${localePath(preferred, path)}${query}`, locale: null };
  }
  return { redirect: null, locale: DEFAULT_LOCALE };
}

/**
 * The rewrites that serve the unprefixed English paths from app/[locale] (next.config.ts puts them first, before
 * its other rewrites, which then see the /en/… path).
 */
export function shopPageRewrites() {
  return [
    { source: "/", destination: `/${DEFAULT_LOCALE}` },
    { source: `/:section(${SHOP_SECTIONS.join("|")})/:rest*`, destination: `/${DEFAULT_LOCALE}/:section/:rest*` },
  ];
}
