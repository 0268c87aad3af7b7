import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { LOGIN_NOTICES, type LoginNotice, LoginView } from "../login-view";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("signIn"))("title") };
}

// Only the notices there are, each prerendered; next.config.ts rewrites /login?notice=<name> here.
export const dynamicParams = false;
export function generateStaticParams() {
  return LOGIN_NOTICES.map((notice) => ({ notice }));
}

export default async function LoginWithNoticePage({ params }: PageProps<"/[locale]/login/[notice]">) {
  return <LoginView notice={(await params).notice as LoginNotice} />;
}
