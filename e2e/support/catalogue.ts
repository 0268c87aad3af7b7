import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { createTranslator } from "next-intl";
import type { Locale } from "@/i18n/locales.mjs";
import type { Messages } from "@/messages";

/**
 * The store's words in a language, as the tests expect to read them: the catalogue itself (messages/<locale>/*.json),
 * read from disk (Playwright loads specs as plain ES modules, where a JSON import would need an import attribute that
 * the app's bundler doesn't), through next-intl's translator, as the app uses it.
 */
export function words(locale: Locale) {
  const folder = path.join("messages", locale);
  const messages = Object.fromEntries(
    readdirSync(folder)
      .filter((file) => file.endsWith(".json"))
      .map((file) => [file.replace(/\.json$/, ""), JSON.parse(readFileSync(path.join(folder, file), "utf8"))]),
  ) as Messages;
  return createTranslator({ locale, messages });
}
