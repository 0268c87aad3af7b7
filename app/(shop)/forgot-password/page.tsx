import type { Metadata } from "next";
import { AuthCard } from "@/app/_components/auth-card";
import { ForgotPasswordForm } from "./forgot-password-form.lazy";

export const metadata: Metadata = { title: "Reset your password" };

/** Prerendered: nothing on it depends on the request. */
export default function ForgotPasswordPage() {
  return (
    <AuthCard title="Reset your password">
      <p className="auth-card-intro">
        Enter the email address you use for your account and we&apos;ll send you a link to choose a new password.
      </p>
      <ForgotPasswordForm />
      <p className="auth-card-footer">
        Remembered it? <a href="/login">Sign in</a>
      </p>
    </AuthCard>
  );
}
