import { describe, expect, it } from "vitest";
import type { ClientCopy } from "@/app/_components/form-shell";
import { describeProblem, rulesResolver } from "@/app/_lib/client-copy";
import { type FieldProblem, FORM_RULES } from "@/app/_lib/field-rules";
import { LOCALES } from "@/i18n/locales";
import { MESSAGES } from "@/messages";
import { useEnvironment } from "@/test/support";
import { formCopy, problemDescriber } from "./shopper-language";

// The browser words a field problem with the copy the layout hands it (a plain `{name}` fill); the server with
// next-intl. They must say exactly the same thing, in every language, with the configured minimum length.

describe.each(LOCALES)("in %s", (locale) => {
  it("the browser and the server word every field problem alike", () => {
    const restore = useEnvironment({ PASSWORD_MIN_LENGTH: "12" });
    try {
      const copy: ClientCopy = { forms: MESSAGES[locale].forms, problems: MESSAGES[locale].problems, passwordMinLength: 12 };
      const server = problemDescriber(locale);
      for (const problem of Object.keys(MESSAGES[locale].problems) as FieldProblem[]) {
        expect(describeProblem(copy, problem), problem).toBe(server(problem));
      }
      expect(server("passwordTooShort")).toMatch(/12/);
    } finally {
      restore();
    }
  });

  it("the browser's copy uses no ICU beyond named values, which it can't format", () => {
    const texts = JSON.stringify([MESSAGES[locale].forms, MESSAGES[locale].problems]);
    expect(texts).not.toMatch(/\{\s*\w+\s*,/); // {count, plural, …}, {when, date} and the like
  });
});

describe("the forms' copy", () => {
  it("carries the configured minimum length, which the browser's check then applies in the server's words", async () => {
    const previous = process.env.PASSWORD_MIN_LENGTH;
    process.env.PASSWORD_MIN_LENGTH = "12";
    const restore = useEnvironment({ PASSWORD_MIN_LENGTH: "12" });
    try {
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
    } finally {
      restore();
      if (previous === undefined) delete process.env.PASSWORD_MIN_LENGTH;
      else process.env.PASSWORD_MIN_LENGTH = previous;
    }
  });
});
