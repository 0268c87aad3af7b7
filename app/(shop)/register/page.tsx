import type { Metadata } from "next";
import { AuthCard } from "@/app/_components/auth-card";
import { SignUpForm } from "./sign-up-form.lazy";

export const metadata: Metadata = { title: "Create an account" };

/** Prerendered: nothing on it depends on the request. Step one of three: the address, then the email, then the details. */
export default function RegisterPage() {
  return (
    <AuthCard
      title="Create an account"
      intro="Save your details and check out faster next time. Start with your email address: we'll send you a link to confirm it."
    >
      <SignUpForm />
      <p className="auth-card-footer">
        Already have an account? <a href="/login">Sign in</a>
      </p>
    </AuthCard>
  );
}
