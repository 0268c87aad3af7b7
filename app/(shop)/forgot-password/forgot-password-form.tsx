"use client";
import Link from "next/link";
import { useEffect, useRef } from "react";
import { SubmitButton } from "@/app/_components/submit-button";
import { EmailField } from "@/app/_components/text-field";
import { useProgressiveForm } from "@/app/_components/use-progressive-form";
import { idleFormState } from "@/app/_lib/form-state";
import { FORM_RULES } from "@/app/_lib/field-rules";
import { requestResetLink } from "./actions";

export function ForgotPasswordForm({ linkLifetime }: { linkLifetime: string }) {
  const { state, formAction, isPending, onSubmit, fieldProps } = useProgressiveForm({
    rules: FORM_RULES.forgotPassword,
    action: requestResetLink,
    initialState: idleFormState,
  });

  if (state.status === "done") {
    return <ResetLinkSent email={state.values?.email ?? ""} linkLifetime={linkLifetime} />;
  }

  return (
    <>
      <p className="auth-card-intro">
        Enter the email address you use for your account and we&apos;ll send you a link to choose a new password.
      </p>
      <form className="form" action={formAction} onSubmit={onSubmit} noValidate>
        <EmailField defaultValue={state.values?.email} {...fieldProps("email")} />
        <SubmitButton pending={isPending} pendingLabel="Sending…">
          Send reset link
        </SubmitButton>
      </form>
    </>
  );
}

/** Shown for every well-formed address, registered or not: the same words, so nothing reveals whether it has an account. */
function ResetLinkSent({ email, linkLifetime }: { email: string; linkLifetime: string }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <div className="status-panel" role="status">
      <div className="status-icon" aria-hidden="true">
        ✉
      </div>
      <h2 ref={headingRef} tabIndex={-1}>
        Check your email
      </h2>
      <p>
        If an account uses <strong>{email}</strong>, we&apos;ve sent it a link to choose a new password. The link lasts{" "}
        {linkLifetime} and works once.
      </p>
      <p>
        Reading email on another device? The email also has a code you can{" "}
        <Link href="/reset-password/code">enter here</Link> instead.
      </p>
      <p>Didn&apos;t get it after a few minutes? Check your spam folder, or make sure you typed the address you shop with.</p>
      <div className="button-row">
        {/* A full page load, so the form starts empty rather than keeping this confirmation's state. */}
        <a className="button button-secondary" href="/forgot-password">
          Try another email
        </a>
        <Link className="button button-secondary" href="/login">
          Back to sign in
        </Link>
      </div>
    </div>
  );
}
