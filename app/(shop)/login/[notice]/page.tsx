import type { Metadata } from "next";
import { LOGIN_NOTICES, type LoginNotice, LoginView } from "../login-view";

export const metadata: Metadata = { title: "Sign in" };

// Only the notices there are, each prerendered; next.config.ts rewrites /login?notice=<name> here.
export const dynamicParams = false;
export function generateStaticParams() {
  return Object.keys(LOGIN_NOTICES).map((notice) => ({ notice }));
}

export default async function LoginWithNoticePage({ params }: { params: Promise<{ notice: LoginNotice }> }) {
  return <LoginView notice={(await params).notice} />;
}
