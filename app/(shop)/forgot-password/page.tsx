import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/app/_components/auth-card";
import { ForgotPasswordForm } from "./forgot-password-form";

export const metadata: Metadata = { title: "Reset your password" };

/** Prerendered: nothing on it depends on the request. */
export default function ForgotPasswordPage() {
  return (
    <AuthCard title="Reset your password">
      <ForgotPasswordForm />
      <p className="auth-card-footer">
        Remembered it? <Link href="/login">Sign in</Link>
      </p>
    </AuthCard>
  );
}
