import { useTranslations } from "next-intl";
import { AuthCard } from "@/app/_components/auth-card";
import { Notice } from "@/app/_components/notice";
import { ShopLink } from "@/app/_components/shop-link";
import { LoginForm } from "./login-form.lazy";

/** What a sign-in page may say above its form; `/login?notice=…` is rewritten to its prerendered variant. */
export const LOGIN_NOTICES = ["password-reset", "signed-out", "account-created", "already-registered", "email-changed"] as const;
export type LoginNotice = (typeof LOGIN_NOTICES)[number];

/** The sign-in page, prerendered once plainly and once per notice, in each language: nothing on it depends on the request. */
export function LoginView({ notice }: { notice?: LoginNotice }) {
  const t = useTranslations("signIn");
  return (
    <AuthCard title={t("title")} intro={t("intro")}>
      {notice && <Notice>{t(`notices.${notice}`)}</Notice>}
      <LoginForm />
      <p className="auth-card-footer">
        {t("newHere")} <ShopLink href="/register">{t("createAccount")}</ShopLink>
      </p>
    </AuthCard>
  );
}
