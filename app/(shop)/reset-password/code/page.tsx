import type { Metadata } from "next";
import { AuthCard } from "@/app/_components/auth-card";
import { CodeEntryForm } from "@/app/_components/code-entry-form.lazy";
import { enterResetCode } from "./actions";

export const metadata: Metadata = { title: "Enter your reset code" };

export default function ResetCodePage() {
  return (
    <AuthCard
      title="Enter your reset code"
      intro="Reading your email on another device? Enter the code from the reset email here, with your email address."
    >
      <CodeEntryForm action={enterResetCode} />
      <p className="auth-card-footer">
        No code? <a href="/forgot-password">Ask for a new one</a>
      </p>
    </AuthCard>
  );
}
