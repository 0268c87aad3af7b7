"use client";
import { enhanceOnInteraction } from "@/app/_components/form-shell";

// On the server only, the form itself, required synchronously so the page's HTML holds it at once (see
// enhanceOnInteraction). `typeof window` is a constant in each build, so the browser bundle drops this require.
const onServer = typeof window === "undefined" ? (require("./finish-sign-up-form") as typeof import("./finish-sign-up-form")) : undefined;

// The page's form, rendered in full by the server, its code loaded on the shopper's first interaction (a module of
// its own, so a page loads only its own form's loader).
export const FinishSignUpForm = enhanceOnInteraction(() => import("./finish-sign-up-form").then((module) => module.FinishSignUpForm), onServer?.FinishSignUpForm);
