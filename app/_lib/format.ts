import type { Locale } from "@/i18n/locales.mjs";

/**
 * "30 minutes", "1 hour", "30 Minuten", "1 heure": how long a link lasts, in the shopper's language (Intl's unit
 * formatting, so every language's plurals come out right). Whole hours are said in hours.
 */
export function formatDuration(locale: Locale, minutes: number): string {
  const inHours = minutes >= 60 && minutes % 60 === 0;
  return new Intl.NumberFormat(locale, { style: "unit", unit: inHours ? "hour" : "minute", unitDisplay: "long" }).format(
    inHours ? minutes / 60 : minutes,
  );
}

/** English dates as the shop writes them (7 Dec 2026, 14:30): day first and a 24-hour clock, as in its emails. */
const DATE_LOCALES: Record<Locale, string> = { en: "en-GB", de: "de", fr: "fr" };

/** "7 Dec 2026, 14:30 UTC", "07.12.2026, 14:30 UTC": a moment, in UTC, which it says (the server can't know the shopper's zone). */
export function formatDateTime(locale: Locale, date: Date): string {
  return `${new Intl.DateTimeFormat(DATE_LOCALES[locale], { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }).format(date)} UTC`;
}
