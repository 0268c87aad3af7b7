import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ShopLink } from "@/app/_components/shop-link";
import { type SearchParams, singleParam } from "@/app/_lib/search-params";
import { checkAccountAlert } from "@/app/_server/recovery/account-alerts";
import { confirmNotMe } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account.notMe"))("title") };
}

const UNUSABLE = ["invalid", "expired", "used"] as const;
type UnusableAlert = (typeof UNUSABLE)[number];

function isUnusableAlert(value: string | undefined): value is UnusableAlert {
  return (UNUSABLE as readonly (string | undefined)[]).includes(value);
}

/**
 * The "This wasn't me" link from a password- or email-changed email. Opening it only asks for confirmation, so a
 * mail scanner can't trigger it; the button does the work (reportNotMe, app/_server/recovery/report-not-me.ts).
 */
export default async function NotMePage({ searchParams }: { searchParams: SearchParams }) {
  const t = await getTranslations("account.notMe");
  const params = await searchParams;
  const result = singleParam(params.result);
  if (result === "secured-no-reset" || result === "secured") {
    return (
      <section className="auth-card status-panel" aria-labelledby="not-me-title">
        <div className={result === "secured" ? "status-icon" : "status-icon status-icon-warning"} aria-hidden="true">
          {result === "secured" ? "✓" : "!"}
        </div>
        <h1 id="not-me-title">{t(`${result === "secured" ? "secured" : "lockedNoReset"}.title`)}</h1>
        <p>{t(`${result === "secured" ? "secured" : "lockedNoReset"}.body`)}</p>
        <div className="button-row">
          <ShopLink className="button button-secondary" href="/">
            {t("shop")}
          </ShopLink>
        </div>
      </section>
    );
  }

  const token = singleParam(params.token);
  // After the button: the outcome, passed back in the URL. Before: the link itself, checked without acting on it.
  const check = isUnusableAlert(result) ? { status: result } : await checkAccountAlert(token);
  if (check.status !== "valid") {
    return (
      <section className="auth-card status-panel" aria-labelledby="not-me-title">
        <h1 id="not-me-title">{t(`unusable.${check.status}.title`)}</h1>
        <p>{t(`unusable.${check.status}.body`)}</p>
        <div className="button-row">
          <ShopLink className="button button-primary" href="/forgot-password">
            {t("resetPassword")}
          </ShopLink>
        </div>
      </section>
    );
  }

  return (
    <section className="auth-card" aria-labelledby="not-me-title">
      <h1 id="not-me-title">{t("title")}</h1>
      <p className="auth-card-intro">{t("intro")}</p>
      <ul className="plain-list">
        <li>{t("steps.signOut")}</li>
        <li>{t("steps.lock")}</li>
        {check.change === "email-change-requested" && <li>{t("steps.cancelChange")}</li>}
        {check.change === "email-changed" && <li>{t("steps.restoreEmail")}</li>}
        <li>{t("steps.emailLink")}</li>
      </ul>
      <form action={confirmNotMe}>
        <input type="hidden" name="token" value={token} />
        <button type="submit" className="button button-primary">
          {t("confirm")}
        </button>
      </form>
    </section>
  );
}
