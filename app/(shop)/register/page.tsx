import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/app/_components/auth-card";
import { pageSettings } from "@/app/_server/env";
import { RegisterForm } from "./register-form";

export const metadata: Metadata = { title: "Create an account" };

/** Prerendered: nothing on it depends on the request. */
export default function RegisterPage() {
  return (
    <AuthCard title="Create an account" intro="Save your details and check out faster next time.">
      <RegisterForm passwordMinLength={pageSettings().passwordMinLength} />
      <p className="auth-card-footer">
        Already have an account? <Link href="/login">Sign in</Link>
      </p>
    </AuthCard>
  );
}
