"use client";
import { startTransition, useActionState, useEffect, useMemo, useRef, type FormEvent } from "react";
import { type FieldErrors, type Path, useForm } from "react-hook-form";
import type { FormRules } from "@/app/_lib/field-rules";
import type { FormState } from "@/app/_lib/form-state";
import { rulesResolver } from "@/app/_lib/client-copy";
import { useCopy } from "./form-shell";

type Values<Field extends string> = Record<Field, string>;

/**
 * A form that works without JavaScript (a plain POST to a server action, re-rendered from the returned state) and,
 * once hydrated, checks fields with React Hook Form: each when the shopper leaves it, then on every keystroke;
 * submitting checks them all and, if something is wrong, focuses the first problem and sends nothing. A valid form
 * goes to the same server action, inside a transition. The server's own field errors (a wrong current password)
 * come back through RHF's `errors`, which shows them on their fields and focuses the first.
 */
export function useProgressiveForm<Field extends string, State extends FormState<Field>>(options: {
  rules: FormRules<Field>;
  action: (state: State, formData: FormData) => Promise<State>;
  initialState: State;
}) {
  const copy = useCopy();
  const [state, formAction, isPending] = useActionState<State, FormData>(
    options.action as (state: Awaited<State>, formData: FormData) => Promise<State>,
    options.initialState as Awaited<State>,
  );
  // One object per answer from the server, so RHF applies (and focuses) it once, not on every render.
  const serverErrors = useMemo(() => {
    const entries = Object.entries(state.fieldErrors ?? {}).map(([field, message]) => [field, { type: "server", message }]);
    return entries.length > 0 ? (Object.fromEntries(entries) as FieldErrors<Values<Field>>) : undefined;
  }, [state]);
  const resolver = useMemo(() => rulesResolver(options.rules, copy), [options.rules, copy]);
  const form = useForm<Values<Field>>({ mode: "onTouched", progressive: true, resolver, errors: serverErrors, shouldFocusError: true });
  const formAlertRef = useRef<HTMLDivElement>(null);

  // A whole-form problem (a wrong password at sign-in) has no field to focus: focus its alert, so it is read out.
  // (A fresh page is left alone: focus stays where the browser put it.)
  useEffect(() => {
    if (state !== options.initialState && state.formError && !serverErrors) formAlertRef.current?.focus();
  }, [state, options.initialState, serverErrors]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const formElement = event.currentTarget;
    if (isPending) {
      event.preventDefault();
      return;
    }
    void form.handleSubmit(() => startTransition(() => formAction(new FormData(formElement))))(event);
  }

  // Without JavaScript the page is re-rendered after a failed submission; autofocus puts the shopper on the first
  // problem there, as RHF does when JavaScript is running.
  const fields = Object.keys(options.rules) as Field[];
  const firstFieldWithError = fields.find((field) => state.fieldErrors?.[field]);
  const autoFocusTarget: Field | "form" | undefined = firstFieldWithError ?? (state.formError ? "form" : undefined);

  /** Everything a field needs from the form: RHF's registration (name, handlers, ref, `required`), its message, focus. */
  function fieldProps(field: Field) {
    const name = field as unknown as Path<Values<Field>>;
    // Once the form has been submitted, RHF checks a field again on every change, so a server message that no
    // longer applies (the field was edited and now passes the rules) clears as the shopper types.
    const registration = form.register(name, { required: true });
    return {
      ...registration,
      error: form.formState.errors[field]?.message as string | undefined,
      autoFocus: autoFocusTarget === field,
    };
  }

  /**
   * The <form>'s own attributes: the server action (the form's action without JavaScript too) and the checks. Its ref
   * marks the form `data-enhanced` once this code runs (it loads on the first interaction: ./form-shell.tsx), after
   * React has attached it, so the server's HTML and the first render agree.
   */
  const formProps = { action: formAction, onSubmit, noValidate: true, ref: markEnhanced };

  return { state, formProps, isPending, fieldProps, formAlertRef, autoFocusTarget };
}

function markEnhanced(form: HTMLFormElement | null) {
  form?.setAttribute("data-enhanced", "");
}
