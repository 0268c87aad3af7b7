import type { Metadata } from "next";
import { AuthCard } from "@/app/_components/auth-card";
import { CodeEntryForm } from "@/app/_components/code-entry-form.lazy";
import { enterSignUpCode } from "../actions";

export const metadata: Metadata = { title: "Enter your sign-up code" };

export default function SignUpCodePage() {
  return (
    <AuthCard title="Enter your sign-up code" intro="Enter the code from the email we sent you, with the address it went to.">
      <CodeEntryForm action={enterSignUpCode} />
      <p className="auth-card-footer">
        No code? <a href="/register">Start again</a>
      </p>
    </AuthCard>
  );
}
