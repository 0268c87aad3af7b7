import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { LoginView } from "./login-view";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("signIn"))("title") };
}

export default function LoginPage() {
  return <LoginView />;
}
