// The store's languages and their paths: plain JavaScript, because server.mjs (plain Node, before Next) and the app
// (TypeScript, through locales.d.mts; the browser's forms too, so nothing heavy here) both need it. How a request
// finds its language is ./routing.mjs. Adding a language: README, "Adding a language".
//
// URLs: English pages keep the paths they always had (/forgot-password), and every other language has them under
// its prefix (/de/forgot-password). Inside the app every page lives under app/[locale]/; next.config.ts rewrites
// the unprefixed English paths to /en/… (shopPageRewrites in ./routing.mjs), so no English URL ever changes.

export const LOCALES = ["en", "de", "fr"];
export const DEFAULT_LOCALE = "en";

/** Each language's name in itself, for the language switcher. */
export const LOCALE_NAMES = { en: "English", de: "Deutsch", fr: "Français" };

/** The shopper's own choice, from the language switcher (app/language/route.ts), kept for a year. */
export const LOCALE_COOKIE = "storefront-locale";
export const LOCALE_COOKIE_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

/**
 * The language of the page a request belongs to, as server.mjs read it from the path, for the code that has no
 * [locale] parameter: server actions. server.mjs strips any copy a client sends.
 */
export const LOCALE_HEADER = "x-storefront-locale";

/**
 * The first segment of every page path: the sections of the shop that speak the shopper's language. Anything else
 * (the JSON APIs, the compatibility facades, the dev mailbox, Next's own files) is not a page and has no prefix.
 */
export const SHOP_SECTIONS = ["login", "register", "forgot-password", "reset-password", "account", "too-many-attempts"];

export function isLocale(value) {
  return typeof value === "string" && LOCALES.includes(value);
}

/** A route's [locale] parameter as one of ours (Next only routes ours there; anything else reads as English). */
export function asLocale(value) {
  return isLocale(value) ? value : DEFAULT_LOCALE;
}

/** A path's language prefix, if it has one, and the path without it: "/de/login" → { locale: "de", path: "/login" }. */
export function splitLocalePrefix(pathname) {
  const match = /^\/([a-z]{2})(?=\/|$)/.exec(pathname);
  if (match && isLocale(match[1])) return { locale: match[1], path: pathname.slice(3) || "/" };
  return { locale: null, path: pathname };
}

/** Whether a path (without its prefix) is one of the shop's pages: the home page, or a path in SHOP_SECTIONS. */
export function isShopPagePath(path) {
  if (path === "/") return true;
  const section = path.slice(1).split("/", 1)[0];
  return SHOP_SECTIONS.includes(section);
}

/**
 * A shop path in a language: English as it is, any other under its prefix. `path` may carry a query
 * ("/login?notice=signed-out" → "/de/login?notice=signed-out").
 */
export function localePath(locale, path) {
  if (locale === DEFAULT_LOCALE || !isLocale(locale)) return path;
  return path === "/" ? `/${locale}` : path.startsWith("/?") ? `/${locale}${path.slice(1)}` : `/${locale}${path}`;
}
