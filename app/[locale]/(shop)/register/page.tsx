import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { useTranslations } from "next-intl";
import { AuthCard } from "@/app/_components/auth-card";
import { ShopLink } from "@/app/_components/shop-link";
import { SignUpForm } from "./sign-up-form.lazy";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("signUp.start"))("title") };
}

/** Prerendered: nothing on it depends on the request. Step one of three: the address, then the email, then the details. */
export default function RegisterPage() {
  const t = useTranslations("signUp.start");
  return (
    <AuthCard title={t("title")} intro={t("intro")}>
      <SignUpForm />
      <p className="auth-card-footer">
        {t("haveAccount")} <ShopLink href="/login">{t("signIn")}</ShopLink>
      </p>
    </AuthCard>
  );
}
