import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/app/_components/auth-card";
import { SignUpCodeForm } from "./sign-up-code-form";

export const metadata: Metadata = { title: "Enter your sign-up code" };

export default function SignUpCodePage() {
  return (
    <AuthCard title="Enter your sign-up code" intro="Enter the code from the email we sent you, with the address it went to.">
      <SignUpCodeForm />
      <p className="auth-card-footer">
        No code? <Link href="/register">Start again</Link>
      </p>
    </AuthCard>
  );
}
