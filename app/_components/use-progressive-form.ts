"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { startTransition, useActionState, useEffect, useRef, useState, type FormEvent } from "react";
import { useForm, type DefaultValues, type FieldValues, type Path, type Resolver } from "react-hook-form";
import type * as z from "zod/mini";
import type { FormState } from "@/app/_lib/form-state";

/**
 * A form that works without JavaScript (a plain POST to a server action, re-rendered from the returned state) and,
 * once hydrated, validates as the shopper types with the same zod schema the server uses.
 * Returns what a form component needs: the action state, react-hook-form's `register`, the submit handler, and
 * `errorFor(field)`, which shows the live client-side message, or the server's until the client has taken over.
 */
export function useProgressiveForm<Values extends FieldValues, State extends FormState<string>>(options: {
  schema: z.ZodMiniType<Values>;
  action: (state: State, formData: FormData) => Promise<State>;
  initialState: State;
}) {
  type Field = Path<Values>;
  const [state, formAction, isPending] = useActionState<State, FormData>(
    options.action as (state: Awaited<State>, formData: FormData) => Promise<State>,
    options.initialState as Awaited<State>,
  );
  const form = useForm<Values>({
    resolver: zodResolver(options.schema as never) as unknown as Resolver<Values>,
    mode: "onTouched",
    defaultValues: (state.values ?? {}) as DefaultValues<Values>,
  });
  const formAlertRef = useRef<HTMLDivElement>(null);
  // The action state whose field errors have been handed to react-hook-form. Until then (server render, first
  // client render, the render right after a submission) the server's messages are shown directly.
  const [stateInForm, setStateInForm] = useState<State | null>(null);

  // Errors the server found (a taken email, a wrong password) join the client-side ones, so they clear the same way
  // once the shopper edits the field; focus moves to the first problem so screen readers announce it.
  useEffect(() => {
    const entries = Object.entries(state.fieldErrors ?? {}) as [Field, string][];
    for (const [field, message] of entries) form.setError(field, { type: "server", message });
    setStateInForm(state);
    if (state === options.initialState) return; // a fresh page: leave focus where the browser put it
    if (entries[0]) form.setFocus(entries[0][0]);
    else if (state.formError) formAlertRef.current?.focus();
  }, [state, form, options.initialState]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isPending) return;
    const formElement = event.currentTarget;
    void form.handleSubmit(() => {
      startTransition(() => formAction(new FormData(formElement)));
    })(event);
  }

  function errorFor(field: Field): string | undefined {
    const clientError = form.formState.errors[field]?.message;
    const clientMessage = typeof clientError === "string" ? clientError : undefined;
    if (stateInForm === state) return clientMessage;
    return state.fieldErrors?.[field] ?? clientMessage;
  }

  // Without JavaScript the page is re-rendered after a failed submission; autofocus puts the shopper on the first
  // problem there, as the effect above does when JavaScript is running.
  const firstFieldWithError = Object.keys(state.fieldErrors ?? {})[0] as Field | undefined;
  const autoFocusTarget: Field | "form" | undefined = firstFieldWithError ?? (state.formError ? "form" : undefined);

  /** Everything a field needs from the form: react-hook-form's wiring, its message, and whether it takes focus. */
  function fieldProps(field: Field) {
    return { ...form.register(field), error: errorFor(field), autoFocus: autoFocusTarget === field };
  }

  return { state, formAction, isPending, onSubmit, fieldProps, formAlertRef, autoFocusTarget };
}
