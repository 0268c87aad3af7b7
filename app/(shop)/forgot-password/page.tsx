import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { AuthCard } from "@/app/_components/auth-card";
import { formatMinutes } from "@/app/_lib/format";
import { getConfig } from "@/app/_server/env";
import { ForgotPasswordForm } from "./forgot-password-form";

export const metadata: Metadata = { title: "Reset your password" };

export default async function ForgotPasswordPage() {
  await connection();
  return (
    <AuthCard title="Reset your password">
      <ForgotPasswordForm linkLifetime={formatMinutes(getConfig().resetTokenTtlMinutes)} />
      <p className="auth-card-footer">
        Remembered it? <Link href="/login">Sign in</Link>
      </p>
    </AuthCard>
  );
}
