import { getRequestConfig } from "next-intl/server";
import { currentLocale } from "@/app/_server/shopper-language";
import { MESSAGES } from "@/messages";
import { isLocale } from "./locales.mjs";

/**
 * next-intl's configuration for each render: the language is the one asked for, or the current one (a page's
 * [locale], or the page a server action was posted from; app/_server/shopper-language.ts). Times are shown in UTC,
 * and say so: the server can't know the shopper's time zone, and prerendered pages must not depend on it.
 */
export default getRequestConfig(async ({ locale }) => {
  const chosen = isLocale(locale) ? locale : await currentLocale();
  return { locale: chosen, messages: MESSAGES[chosen], timeZone: "UTC" };
});
