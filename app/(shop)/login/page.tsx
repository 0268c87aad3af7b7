import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/app/_components/auth-card";
import { Notice } from "@/app/_components/notice";
import { safeReturnPath } from "@/app/_lib/return-path";
import { type SearchParams, singleParam } from "@/app/_lib/search-params";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Sign in" };

const notices = new Map([
  ["password-reset", "Your password has been changed. Sign in with your new password."],
  ["signed-out", "You've been signed out."],
]);

export default async function LoginPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const notice = notices.get(singleParam(params.notice) ?? "");
  return (
    <AuthCard title="Sign in" intro="Welcome back. Sign in to your account.">
      {notice && <Notice>{notice}</Notice>}
      <LoginForm returnTo={safeReturnPath(singleParam(params.returnTo))} />
      <p className="auth-card-footer">
        New here? <Link href="/register">Create an account</Link>
      </p>
    </AuthCard>
  );
}
