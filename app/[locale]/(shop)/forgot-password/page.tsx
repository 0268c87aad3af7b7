import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { useTranslations } from "next-intl";
import { AuthCard } from "@/app/_components/auth-card";
import { ShopLink } from "@/app/_components/shop-link";
import { ForgotPasswordForm } from "./forgot-password-form.lazy";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("recovery.forgot"))("title") };
}

/** Prerendered: nothing on it depends on the request. */
export default function ForgotPasswordPage() {
  const t = useTranslations("recovery.forgot");
  return (
    <AuthCard title={t("title")} intro={t("intro")}>
      <ForgotPasswordForm />
      <p className="auth-card-footer">
        {t("remembered")} <ShopLink href="/login">{t("signIn")}</ShopLink>
      </p>
    </AuthCard>
  );
}
