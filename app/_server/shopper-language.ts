import "server-only";
import { headers } from "next/headers";
import { createTranslator } from "next-intl";
import { type FieldProblem, problemParameters } from "@/app/_lib/field-rules";
import { DEFAULT_LOCALE, isLocale, type Locale, LOCALE_HEADER } from "@/i18n/locales";
import { MESSAGES } from "@/messages";
import type { ClientCopy } from "@/app/_components/form-shell";
import { getConfig, pageSettings } from "./env";

/**
 * The language of the request being handled, as server.mjs chose it (the shopper's cookie, else Accept-Language,
 * else English) and passed on in LOCALE_HEADER, which it strips from what clients send. Outside a request (the
 * email worker, a script) and before server.mjs (unit tests calling a door directly) it is English.
 */
export async function requestLocale(): Promise<Locale> {
  try {
    const chosen = (await headers()).get(LOCALE_HEADER);
    return isLocale(chosen) ? chosen : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE; // not inside a request
  }
}

/** The locale a request's headers carry, for the doors that have the Request in hand (the JSON APIs). */
export function localeOfRequest(request: Request): Locale {
  const chosen = request.headers.get(LOCALE_HEADER);
  return isLocale(chosen) ? chosen : DEFAULT_LOCALE;
}

export type PasswordProblem = Extract<FieldProblem, "passwordTooShort"> | "passwordCommon" | "passwordContainsEmail" | "passwordIsCurrent";

const PROBLEM_CODES = new Set(Object.keys(MESSAGES[DEFAULT_LOCALE].problems));

/**
 * Words a FieldProblem (or a PasswordProblem) in `locale`, with the configured minimum password length: what the
 * server actions and JSON APIs show, and exactly what the browser shows for the same problem
 * (app/_components/form-shell.tsx; app/_server/shopper-language.test.ts compares the two). Anything else (zod's own
 * message for a value that isn't even a string) is passed through.
 */
export function problemDescriber(locale: Locale): (problem: string) => string {
  const t = createTranslator({ locale, messages: MESSAGES[locale], namespace: "problems" });
  const values = problemParameters(getConfig().passwordMinLength);
  return (problem) => (PROBLEM_CODES.has(problem) ? t(problem as keyof (typeof MESSAGES)["en"]["problems"], values) : problem);
}

/** problemDescriber for the request being handled. */
export async function requestProblemDescriber(): Promise<(problem: string) => string> {
  return problemDescriber(await requestLocale());
}

/**
 * What the shop layout hands the browser's forms (app/_components/form-shell.tsx): their words in `locale`, and the
 * minimum password length the pages were built with, which the server checks at start-up is the one it enforces
 * (env.ts, differencesFromBuild), so the browser's check and the server's can't disagree.
 */
export function formCopy(locale: Locale): ClientCopy {
  const { forms, problems } = MESSAGES[locale];
  const { passwordMinLength } = pageSettings();
  // The one message with a value the browser would otherwise fill in itself.
  const newPasswordHint = createTranslator({ locale, messages: MESSAGES[locale], namespace: "forms" })("newPasswordHint", { min: passwordMinLength });
  return { forms: { ...forms, newPasswordHint }, problems, passwordMinLength };
}
