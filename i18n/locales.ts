/**
 * The languages the store speaks. server.mjs chooses one per request (the shopper's choice in the LOCALE_COOKIE,
 * else Accept-Language, else English) and keeps its own copy of this list: app/_server/shopper-language.test.ts
 * keeps the two in step. Adding a language: README, "Adding a language".
 */
export const LOCALES = ["en", "de", "fr"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";
/** The shopper's own choice, set by the language switcher (app/language/route.ts) for a year. */
export const LOCALE_COOKIE = "storefront-locale";
/** The request's language as server.mjs chose it, for the code that runs without a [locale] segment. */
export const LOCALE_HEADER = "x-storefront-locale";

/** Each language's name in itself, for the switcher. */
export const LOCALE_NAMES: Record<Locale, string> = { en: "English", de: "Deutsch", fr: "Français" };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}
