/**
 * What a server action returns to its form. Submitted values come back (never passwords) because React 19 resets
 * uncontrolled inputs after an action, and without JavaScript the page is re-rendered from this state.
 */
export type FormState<Field extends string> = {
  status: "idle" | "invalid" | "failed" | "done";
  /** One message per field, shown next to it. */
  fieldErrors?: Partial<Record<Field, string>>;
  /** A message about the whole form, shown above it. */
  formError?: string;
  values?: Partial<Record<Field, string>>;
};

export const idleFormState = { status: "idle" } as const satisfies FormState<never>;

/** A FormData entry as a string: absent or a file counts as "". */
export function formText(formData: FormData, field: string): string {
  const value = formData.get(field);
  return typeof value === "string" ? value : "";
}
