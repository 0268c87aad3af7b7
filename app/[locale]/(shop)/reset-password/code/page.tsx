import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { useTranslations } from "next-intl";
import { AuthCard } from "@/app/_components/auth-card";
import { CodeEntryForm } from "@/app/_components/code-entry-form.lazy";
import { ShopLink } from "@/app/_components/shop-link";
import { enterResetCode } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("recovery.code"))("title") };
}

export default function ResetCodePage() {
  const t = useTranslations("recovery.code");
  return (
    <AuthCard title={t("title")} intro={t("intro")}>
      <CodeEntryForm action={enterResetCode} />
      <p className="auth-card-footer">
        {t("noCode")} <ShopLink href="/forgot-password">{t("askAgain")}</ShopLink>
      </p>
    </AuthCard>
  );
}
