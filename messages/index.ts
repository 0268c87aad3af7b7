import type { Locale } from "@/i18n/locales.mjs";
import de from "./de";
import en from "./en";
import fr from "./fr";

/**
 * Every message the store shows, by language and then by namespace, one JSON file per namespace
 * (messages/<locale>/<namespace>.json, gathered by messages/<locale>/index.ts). English is the reference: its shape
 * is the type next-intl checks every key against (i18n/types.ts), every other language must have that shape to
 * compile here, and messages/messages.test.ts checks each has exactly English's keys, placeholders and files.
 */
export type Messages = typeof en;

export const MESSAGES: Record<Locale, Messages> = { en, de, fr };
