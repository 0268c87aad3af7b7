import "server-only";
import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import { locale as pageLocale } from "next/root-params";
import { createTranslator } from "next-intl";
import type { ClientCopy } from "@/app/_components/form-shell";
import { problemParameters } from "@/app/_lib/field-rules";
import { DEFAULT_LOCALE, isLocale, type Locale, LOCALE_HEADER, localePath } from "@/i18n/locales.mjs";
import { localeFromAcceptLanguage } from "@/i18n/routing.mjs";
import { MESSAGES } from "@/messages";
import { getConfig, pageSettings } from "./env";

/**
 * The language of what is being rendered or handled:
 * - a page, its layout and their components: the page's [locale] (a root parameter, so prerendering knows it);
 * - a server action, which has no route parameters: the language of the page it was posted from, which server.mjs
 *   read from the path and passed on in LOCALE_HEADER (stripping any copy a client sent);
 * - anything else (the email worker, a script, a unit test calling a door): English.
 * The JSON APIs choose theirs from Accept-Language instead (apiLocale).
 */
export async function currentLocale(): Promise<Locale> {
  try {
    const fromPage = await pageLocale();
    if (isLocale(fromPage)) return fromPage;
  } catch (error) {
    unstable_rethrow(error); // Next's own signals (a prerender bailing out) go on
    // Server actions and route handlers have no root parameters (Next throws): the header says.
  }
  try {
    const fromServer = (await headers()).get(LOCALE_HEADER);
    return isLocale(fromServer) ? fromServer : DEFAULT_LOCALE;
  } catch (error) {
    unstable_rethrow(error);
    return DEFAULT_LOCALE; // not inside a request
  }
}

/** A JSON API request's language: the best match for its Accept-Language, else English. */
export function apiLocale(request: Request): Locale {
  return localeFromAcceptLanguage(request.headers.get("accept-language"));
}

const PROBLEM_CODES = new Set(Object.keys(MESSAGES[DEFAULT_LOCALE].problems));

/**
 * Words a FieldProblem (or a PasswordProblem) in `locale`, with the configured minimum password length: what the
 * server actions and JSON APIs show, and exactly what the browser shows for the same problem
 * (app/_components/form-shell.tsx; app/_server/shopper-language.test.ts compares the two). Anything else (zod's own
 * message for a value that isn't even a string) is passed through.
 */
export function problemDescriber(locale: Locale, passwordMinLength = getConfig().passwordMinLength): (problem: string) => string {
  const t = createTranslator({ locale, messages: MESSAGES[locale], namespace: "problems" });
  const values = problemParameters(passwordMinLength);
  return (problem) => (PROBLEM_CODES.has(problem) ? t(problem as keyof (typeof MESSAGES)["en"]["problems"], values) : problem);
}

/**
 * What the shop layout hands the browser's forms (app/_components/form-shell.tsx): their words in `locale`, and the
 * minimum password length the pages were built with, which the server checks at start-up is the one it enforces
 * (env.ts, differencesFromBuild), so the browser's check and the server's can't disagree.
 */
export function formCopy(locale: Locale): ClientCopy {
  const { forms } = MESSAGES[locale];
  const { passwordMinLength } = pageSettings();
  const describe = problemDescriber(locale, passwordMinLength);
  const problems = Object.fromEntries([...PROBLEM_CODES].map((problem) => [problem, describe(problem)])) as ClientCopy["problems"];
  // The one form message with a value in it.
  const newPasswordHint = createTranslator({ locale, messages: MESSAGES[locale], namespace: "forms" })("newPasswordHint", { min: passwordMinLength });
  const links = { home: localePath(locale, "/"), forgotPassword: localePath(locale, "/forgot-password") };
  return { forms: { ...forms, newPasswordHint }, problems, links, passwordMinLength };
}
