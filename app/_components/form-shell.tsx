"use client";
import { type ComponentType, createContext, createElement, lazy, type ReactNode, Suspense, use } from "react";
import type { FieldProblem } from "@/app/_lib/field-rules";
import type { Messages } from "@/messages";

/**
 * What the forms show in the browser, in the page's language: their labels and buttons, each field problem already
 * worded as the server words it (with the configured minimum password length), the few links a form holds, and that
 * minimum length for the rules themselves. The shop layout hands it over from the server
 * (app/_server/shopper-language.ts, formCopy), so the browser runs no message formatter and no locale code: next-intl's
 * client would weigh more than the forms.
 * With the forms' loader below, this is the forms' part of the shop layout: every page loads it, so it stays small,
 * and each page's form loader (a *.lazy.tsx next to the form) needn't carry its own copy of the loader.
 */
export type ClientCopy = {
  forms: Messages["forms"];
  problems: Record<FieldProblem, string>;
  /** Where a form's links lead, in the page's language. */
  links: { home: string; forgotPassword: string };
  passwordMinLength: number;
};

const CopyContext = createContext<ClientCopy | null>(null);

export function CopyProvider({ copy, children }: { copy: ClientCopy; children: ReactNode }) {
  return <CopyContext value={copy}>{children}</CopyContext>;
}

export function useCopy(): ClientCopy {
  const copy = use(CopyContext);
  if (!copy) throw new Error("useCopy needs the CopyProvider of the shop layout");
  return copy;
}

let firstInteraction: Promise<void> | undefined;

/** Settles the first time the shopper points, touches, types or moves focus anywhere on the page. */
function whenTheShopperInteracts(): Promise<void> {
  firstInteraction ??= new Promise((resolve) => {
    const events = ["pointerdown", "touchstart", "keydown", "focusin"] as const;
    const settle = () => {
      for (const event of events) window.removeEventListener(event, settle, true);
      resolve();
    };
    for (const event of events) window.addEventListener(event, settle, { capture: true, passive: true });
  });
  return firstInteraction;
}

/**
 * A form whose client code (React Hook Form and the form itself) loads when the shopper first interacts with the
 * page, not with it. The server renders the form in full, and until the code arrives it is that HTML: a working
 * form posting to its server action, as it is without JavaScript. Once loaded, React hydrates it in place (the same
 * elements, so what was typed and where focus is stay), and the instant checks take over. This keeps the pages'
 * first load within budget (e2e/client-weight.spec.ts): React Hook Form alone is about 12.8 KiB gzipped.
 * A form rendered after the first interaction (a page the router shows after a server action) loads at once.
 */
export function enhanceOnInteraction<Props extends object>(
  load: () => Promise<ComponentType<Props>>,
  /** The form itself, on the server only (undefined in the browser), so the server never waits for it. */
  onServer: ComponentType<Props> | undefined,
): ComponentType<Props> {
  // In the browser, the code starts loading on the first interaction whether or not the form is showing yet, so a
  // form the page shows later (the code entry after asking for an email change) is ready when it appears.
  let loaded: ComponentType<Props> | undefined;
  const loading = typeof window === "undefined" ? undefined : whenTheShopperInteracts().then(load).then((component) => (loaded = component));
  const Form = lazy(() => {
    const ready = loaded;
    if (ready) {
      // Settled at once, so React renders it in place, without a moment of nothing.
      const settled = { then: (resolve: (module: { default: ComponentType<Props> }) => void) => resolve({ default: ready }) };
      return settled as unknown as Promise<{ default: ComponentType<Props> }>;
    }
    return (loading as Promise<ComponentType<Props>>).then((component) => ({ default: component }));
  });
  function EnhancedOnInteraction(props: Props) {
    // On the server the boundary holds the form itself, and so does its fallback. The form can still wait a moment
    // (React encodes its server action's state for browsers without JavaScript asynchronously); if the page is sent
    // meanwhile, what goes out in the form's place is the fallback, the same working form, rather than nothing until a
    // script (which such a browser never runs) swaps the content in. In the browser the boundary holds the lazy form:
    // until its code arrives, React keeps the server's HTML as it is, then hydrates it.
    const form = onServer ? createElement(onServer, props) : null;
    return <Suspense fallback={form}>{form ?? <Form {...props} />}</Suspense>;
  }
  return EnhancedOnInteraction;
}
