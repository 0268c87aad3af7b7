import type { FieldErrors, Resolver } from "react-hook-form";
import type { ClientCopy } from "@/app/_components/form-shell";
import type { FormRules, RuleOptions } from "./field-rules";

/**
 * React Hook Form's resolver over a form's rules (./field-rules.ts), the functions the server's schemas are built on,
 * with the server's PASSWORD_MIN_LENGTH from the copy, so the browser and the server apply the same rules. Each
 * problem is shown in the words the copy carries for it, which the server worded (app/_server/shopper-language.ts,
 * formCopy) exactly as it words that problem itself. No validation library and no message formatter ship to the
 * browser: this runs those few functions and looks the words up.
 */
export function rulesResolver<Field extends string>(rules: FormRules<Field>, copy: ClientCopy): Resolver<Record<Field, string>> {
  const options: RuleOptions = { passwordMinLength: copy.passwordMinLength };
  return (values) => {
    const errors: Record<string, { type: string; message: string }> = {};
    for (const field of Object.keys(rules) as Field[]) {
      const problem = rules[field](values[field] ?? "", values, options);
      if (problem) errors[field] = { type: problem, message: copy.problems[problem] };
    }
    return Object.keys(errors).length === 0 ? { values, errors: {} } : { values: {}, errors: errors as FieldErrors<Record<Field, string>> };
  };
}
