"use client";
import { startTransition, useActionState, useEffect, useRef, useState, type ChangeEvent, type FormEvent } from "react";
import type { FormRules } from "@/app/_lib/field-rules";
import type { FormState } from "@/app/_lib/form-state";

/**
 * A form that works without JavaScript (a plain POST to a server action, re-rendered from the returned state) and,
 * once hydrated, checks fields as the shopper goes with the same rule functions the server's schemas are built on
 * (app/_lib/field-rules.ts): a field is checked when the shopper leaves it, and again on every keystroke after that;
 * submitting checks them all and, if something is wrong, focuses the first problem and sends nothing.
 * No validation library ships to the browser: the rules are a few small functions.
 */
export function useProgressiveForm<Field extends string, State extends FormState<Field>>(options: {
  rules: FormRules<Field>;
  action: (state: State, formData: FormData) => Promise<State>;
  initialState: State;
}) {
  const [state, formAction, isPending] = useActionState<State, FormData>(
    options.action as (state: Awaited<State>, formData: FormData) => Promise<State>,
    options.initialState as Awaited<State>,
  );
  const fields = Object.keys(options.rules) as Field[];
  const [clientErrors, setClientErrors] = useState<Partial<Record<Field, string>>>({});
  // Fields the shopper has left at least once (checked from then on as they type), and fields edited since the
  // server last answered (whose server message, such as "already registered", no longer applies).
  const touched = useRef(new Set<Field>());
  const [editedSinceServer, setEditedSinceServer] = useState<ReadonlySet<Field>>(new Set());
  const inputs = useRef(new Map<Field, HTMLInputElement>());
  const formAlertRef = useRef<HTMLDivElement>(null);

  // A new answer from the server: its messages show until the fields are edited, and focus moves to the first
  // problem so screen readers announce it.
  useEffect(() => {
    touched.current.clear();
    setEditedSinceServer(new Set());
    setClientErrors({});
    if (state === options.initialState) return; // a fresh page: leave focus where the browser put it
    // (`fields` comes from the form's rules, which never change, so it needn't be a dependency.)
    const firstField = fields.find((field) => state.fieldErrors?.[field]);
    if (firstField) inputs.current.get(firstField)?.focus();
    else if (state.formError) formAlertRef.current?.focus();
  }, [state, options.initialState]);

  function currentValues(form: HTMLFormElement | null | undefined): Record<string, string> {
    const values: Record<string, string> = {};
    if (!form) return values;
    for (const [name, value] of new FormData(form)) if (typeof value === "string") values[name] = value;
    return values;
  }

  function check(toCheck: Field[], form: HTMLFormElement | null | undefined): Partial<Record<Field, string>> {
    const values = currentValues(form);
    const found: Partial<Record<Field, string>> = {};
    for (const field of toCheck) {
      const problem = options.rules[field](values[field] ?? "", values);
      if (problem) found[field] = problem;
    }
    return found;
  }

  /** Re-checks every field the shopper has left (a changed password can fix or break its confirmation). */
  function recheckTouched(form: HTMLFormElement | null | undefined) {
    const checked = [...touched.current];
    const found = check(checked, form);
    setClientErrors((previous) => {
      const next = { ...previous };
      for (const field of checked) next[field] = found[field];
      return next;
    });
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isPending) return;
    const form = event.currentTarget;
    for (const field of fields) touched.current.add(field);
    const found = check(fields, form);
    setClientErrors(found);
    const firstProblem = fields.find((field) => found[field]);
    if (firstProblem) {
      inputs.current.get(firstProblem)?.focus();
      return;
    }
    startTransition(() => formAction(new FormData(form)));
  }

  function errorFor(field: Field): string | undefined {
    if (touched.current.has(field) || editedSinceServer.has(field)) return clientErrors[field];
    return state.fieldErrors?.[field] ?? clientErrors[field];
  }

  // Without JavaScript the page is re-rendered after a failed submission; autofocus puts the shopper on the first
  // problem there, as the effect above does when JavaScript is running.
  const firstFieldWithError = fields.find((field) => state.fieldErrors?.[field]);
  const autoFocusTarget: Field | "form" | undefined = firstFieldWithError ?? (state.formError ? "form" : undefined);

  /** Everything a field needs from the form: its name, the checking handlers, its message, and focus. */
  function fieldProps(field: Field) {
    return {
      name: field,
      ref: (element: HTMLInputElement | null) => {
        if (element) inputs.current.set(field, element);
        else inputs.current.delete(field);
      },
      onBlur: (event: { currentTarget: HTMLInputElement }) => {
        touched.current.add(field);
        recheckTouched(event.currentTarget.form);
      },
      onChange: (event: ChangeEvent<HTMLInputElement>) => {
        if (!editedSinceServer.has(field)) setEditedSinceServer((previous) => new Set(previous).add(field));
        if (touched.current.size > 0) recheckTouched(event.currentTarget.form);
      },
      error: errorFor(field),
      autoFocus: autoFocusTarget === field,
    };
  }

  return { state, formAction, isPending, onSubmit, fieldProps, formAlertRef, autoFocusTarget };
}
