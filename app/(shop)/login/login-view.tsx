import { AuthCard } from "@/app/_components/auth-card";
import { Notice } from "@/app/_components/notice";
import { LoginForm } from "./login-form.lazy";

/** What a sign-in page may say above its form; `/login?notice=…` is rewritten to its prerendered variant. */
export const LOGIN_NOTICES = {
  "password-reset": "Your password has been changed. Sign in with your new password.",
  "signed-out": "You've been signed out.",
  "account-created": "Your account is ready. Sign in with the password you just chose.",
  "already-registered": "This email address already has an account. Sign in, or reset your password if you've forgotten it.",
  "email-changed": "Your email address has been changed. Sign in with your new address.",
} as const;
export type LoginNotice = keyof typeof LOGIN_NOTICES;

/** The sign-in page, prerendered once plainly and once per notice: nothing on it depends on the request. */
export function LoginView({ notice }: { notice?: LoginNotice }) {
  return (
    <AuthCard title="Sign in" intro="Welcome back. Sign in to your account.">
      {notice && <Notice>{LOGIN_NOTICES[notice]}</Notice>}
      <LoginForm />
      <p className="auth-card-footer">
        New here? <a href="/register">Create an account</a>
      </p>
    </AuthCard>
  );
}
