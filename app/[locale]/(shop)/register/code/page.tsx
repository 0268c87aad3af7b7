import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { useTranslations } from "next-intl";
import { AuthCard } from "@/app/_components/auth-card";
import { CodeEntryForm } from "@/app/_components/code-entry-form.lazy";
import { ShopLink } from "@/app/_components/shop-link";
import { enterSignUpCode } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("signUp.code"))("title") };
}

export default function SignUpCodePage() {
  const t = useTranslations("signUp.code");
  return (
    <AuthCard title={t("title")} intro={t("intro")}>
      <CodeEntryForm action={enterSignUpCode} />
      <p className="auth-card-footer">
        {t("noCode")} <ShopLink href="/register">{t("startAgain")}</ShopLink>
      </p>
    </AuthCard>
  );
}
