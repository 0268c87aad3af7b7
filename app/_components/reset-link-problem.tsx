import { useLocale, useTranslations } from "next-intl";
import { formatDuration } from "@/app/_lib/format";
import { RESET_GRANT_TTL_MINUTES, type ResetPageProblem } from "@/app/_lib/reset-link-status";
import { ShopLink } from "./shop-link";

/** What a shopper sees instead of the form when a reset link can't be used, with a way forward. */
export function ResetLinkProblem({ reason }: { reason: ResetPageProblem }) {
  const t = useTranslations("recovery.linkProblems");
  const locale = useLocale();
  return (
    <section className="auth-card status-panel" aria-labelledby="reset-link-problem-title">
      <div className="status-icon status-icon-warning" aria-hidden="true">
        !
      </div>
      <h1 id="reset-link-problem-title">{t(`${reason}.title`)}</h1>
      <p>{t(`${reason}.body`, { grantDuration: formatDuration(locale, RESET_GRANT_TTL_MINUTES) })}</p>
      <div className="button-row">
        <ShopLink className="button button-primary" href="/forgot-password">
          {t("newLink")}
        </ShopLink>
        <ShopLink className="button button-secondary" href={reason === "missing" ? "/reset-password/code" : "/login"}>
          {reason === "missing" ? t("enterCode") : t("backToSignIn")}
        </ShopLink>
      </div>
    </section>
  );
}
