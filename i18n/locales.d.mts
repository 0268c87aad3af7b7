// Types for locales.mjs (plain JavaScript, because server.mjs uses it too).
export type Locale = "en" | "de" | "fr";

export const LOCALES: readonly Locale[];
export const DEFAULT_LOCALE: Locale;
export const LOCALE_NAMES: Record<Locale, string>;
export const LOCALE_COOKIE: string;
export const LOCALE_COOKIE_MAX_AGE_SECONDS: number;
export const LOCALE_HEADER: string;
export const SHOP_SECTIONS: readonly string[];

export function isLocale(value: unknown): value is Locale;
export function asLocale(value: unknown): Locale;
export function splitLocalePrefix(pathname: string): { locale: Locale | null; path: string };
export function isShopPagePath(path: string): boolean;
export function localePath(locale: Locale, path: string): string;
