import { describe, expect, it } from "vitest";
import { rulesResolver } from "@/app/_lib/client-copy";
import { type FieldProblem, FORM_RULES } from "@/app/_lib/field-rules";
import { LOCALES } from "@/i18n/locales.mjs";
import { MESSAGES } from "@/messages";
import { useEnvironment } from "@/test/support";
import { formCopy, problemDescriber } from "./shopper-language";

// The browser words a field problem with the copy the layout hands it; the server with next-intl. They must say
// exactly the same thing, in every language, with the configured minimum length.

/** Runs `check` with PASSWORD_MIN_LENGTH=12: in the server's configuration and in the pages' settings alike. */
async function withMinimumLength12(check: () => void | Promise<void>) {
  const previous = process.env.PASSWORD_MIN_LENGTH;
  process.env.PASSWORD_MIN_LENGTH = "12";
  const restore = useEnvironment({ PASSWORD_MIN_LENGTH: "12" });
  try {
    await check();
  } finally {
    restore();
    if (previous === undefined) delete process.env.PASSWORD_MIN_LENGTH;
    else process.env.PASSWORD_MIN_LENGTH = previous;
  }
}

describe.each(LOCALES)("in %s", (locale) => {
  it("the browser's copy words every field problem as the server does, with the configured minimum length", () =>
    withMinimumLength12(() => {
      const copy = formCopy(locale);
      const server = problemDescriber(locale);
      for (const problem of Object.keys(MESSAGES[locale].problems) as FieldProblem[]) {
        expect(copy.problems[problem], problem).toBe(server(problem));
      }
      expect(copy.problems.passwordTooShort).toMatch(/12/);
      expect(copy.links.forgotPassword).toBe(locale === "en" ? "/forgot-password" : `/${locale}/forgot-password`);
    }));

  it("hands the browser no message with a value left to fill in: it has no formatter", () =>
    withMinimumLength12(() => {
      const copy = formCopy(locale);
      expect(JSON.stringify([copy.forms, copy.problems])).not.toMatch(/\{\s*\w+/);
    }));
});

describe("the forms' copy", () => {
  it("carries the configured minimum length, which the browser's check then applies in the server's words", () =>
    withMinimumLength12(async () => {
      for (const locale of LOCALES) {
        const copy = formCopy(locale);
        expect(copy.passwordMinLength).toBe(12);
        const resolve = rulesResolver(FORM_RULES.newPasswordPair, copy);
        const eleven = "eleven char";
        const refused = await resolve({ password: eleven, confirmPassword: eleven }, undefined, { fields: {}, shouldUseNativeValidation: false });
        expect(refused.errors.password?.message).toBe(problemDescriber(locale)("passwordTooShort"));
        expect(refused.errors.password?.message).toMatch(/12/);
        const twelve = "twelve chars";
        const accepted = await resolve({ password: twelve, confirmPassword: twelve }, undefined, { fields: {}, shouldUseNativeValidation: false });
        expect(accepted.errors).toEqual({});
      }
    }));
});
