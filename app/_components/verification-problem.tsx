import { useLocale, useTranslations } from "next-intl";
import { formatDuration } from "@/app/_lib/format";
import { RESET_GRANT_TTL_MINUTES } from "@/app/_lib/reset-link-status";
import { VERIFICATION_TTL_MINUTES, type VerificationPageProblem } from "@/app/_lib/verification";
import { ShopLink } from "./shop-link";

type Purpose = "sign-up" | "email-change";

/** Where each kind of link's problem page leads: the way forward first. */
function waysForward(purpose: Purpose, problem: VerificationPageProblem) {
  if (purpose === "email-change") return [["/account", "account"], ["/login", "signIn"]] as const;
  if (problem === "used") return [["/login", "signIn"], ["/register", "startAgain"]] as const;
  return [["/register", "startAgain"], ["/register/code", "enterCode"]] as const;
}

/** What a shopper sees instead of the form when a sign-up or email-change link can't be used, with a way forward. */
export function VerificationProblem({ purpose, problem }: { purpose: Purpose; problem: VerificationPageProblem }) {
  const t = useTranslations(`verification.${purpose === "sign-up" ? "signUp" : "emailChange"}`);
  const actions = useTranslations("verification.actions");
  const locale = useLocale();
  const [primary, secondary] = waysForward(purpose, problem);
  const durations = { duration: formatDuration(locale, VERIFICATION_TTL_MINUTES), grantDuration: formatDuration(locale, RESET_GRANT_TTL_MINUTES) };
  return (
    <section className="auth-card status-panel" aria-labelledby="verification-problem-title">
      <div className="status-icon status-icon-warning" aria-hidden="true">
        !
      </div>
      <h1 id="verification-problem-title">{t(`${problem}.title`)}</h1>
      <p>{t(`${problem}.body`, durations)}</p>
      <div className="button-row">
        <ShopLink className="button button-primary" href={primary[0]}>
          {actions(primary[1])}
        </ShopLink>
        <ShopLink className="button button-secondary" href={secondary[0]}>
          {actions(secondary[1])}
        </ShopLink>
      </div>
    </section>
  );
}
