import type { FieldErrors, Resolver } from "react-hook-form";
import type { ClientCopy } from "@/app/_components/form-shell";
import { type FieldProblem, type FormRules, problemParameters, type RuleOptions } from "./field-rules";

/** A message with its `{name}` placeholders filled in: the only ICU the browser's copy uses (a unit test holds it to that). */
export function fillMessage(message: string, values: Record<string, string | number>): string {
  return message.replace(/\{(\w+)\}/g, (placeholder, name: string) => (name in values ? String(values[name]) : placeholder));
}

/** A field problem in the shopper's words, exactly as the server words it (app/_server/shopper-language.ts). */
export function describeProblem(copy: ClientCopy, problem: FieldProblem): string {
  return fillMessage(copy.problems[problem], problemParameters(copy.passwordMinLength));
}

/**
 * React Hook Form's resolver over a form's rules (./field-rules.ts), the functions the server's schemas are built on,
 * with the server's PASSWORD_MIN_LENGTH from the copy, so the browser and the server apply the same rules and word
 * them alike. No validation library ships to the browser: this runs those few functions.
 */
export function rulesResolver<Field extends string>(rules: FormRules<Field>, copy: ClientCopy): Resolver<Record<Field, string>> {
  const options: RuleOptions = { passwordMinLength: copy.passwordMinLength };
  return (values) => {
    const errors: Record<string, { type: string; message: string }> = {};
    for (const field of Object.keys(rules) as Field[]) {
      const problem = rules[field](values[field] ?? "", values, options);
      if (problem) errors[field] = { type: problem, message: describeProblem(copy, problem) };
    }
    return Object.keys(errors).length === 0 ? { values, errors: {} } : { values: {}, errors: errors as FieldErrors<Record<Field, string>> };
  };
}
