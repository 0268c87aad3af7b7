// Types for routing.mjs (plain JavaScript, because server.mjs uses it too).
import type { Locale } from "./locales.mjs";

export function localeFromCookieHeader(cookieHeader: string | null | undefined): Locale | null;
export function localeFromAcceptLanguage(acceptLanguage: string | null | undefined): Locale;
export function preferredLocale(headers: Record<string, string | string[] | undefined>): Locale;
export function routeLocale(
  method: string | undefined,
  target: string,
  headers: Record<string, string | string[] | undefined>,
): { redirect: string | null; locale: Locale | null };
export function shopPageRewrites(): { source: string; destination: string }[];
