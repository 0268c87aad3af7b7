import type { Metadata } from "next";
import { cookies } from "next/headers";
import { getTranslations } from "next-intl/server";
import { ShopLink } from "@/app/_components/shop-link";
import { VerificationProblem } from "@/app/_components/verification-problem";
import { type SearchParams, singleParam } from "@/app/_lib/search-params";
import { isVerificationPageProblem } from "@/app/_lib/verification";
import { checkEmailChangeGrant } from "@/app/_server/account/email-change";
import { readVerificationGrantCookie } from "@/app/_server/recovery/verification-cookie";
import { confirmEmailChange } from "../../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account.confirmEmail"))("title") };
}

/**
 * Where the link mailed to the new address leads. Opening it only shows what will happen (a mail scanner can't
 * confirm anything); the button does it. No sign-in is needed: the link is the proof that this is the new address.
 */
export default async function ConfirmEmailChangePage({ searchParams }: { searchParams: SearchParams }) {
  const t = await getTranslations("account.confirmEmail");
  const fromLanding = singleParam((await searchParams).link);
  if (fromLanding === "taken") {
    return (
      <section className="auth-card status-panel" aria-labelledby="confirm-email-title">
        <h1 id="confirm-email-title">{t("taken.title")}</h1>
        <p>{t("taken.body")}</p>
        <div className="button-row">
          <ShopLink className="button button-secondary" href="/account">
            {t("taken.account")}
          </ShopLink>
        </div>
      </section>
    );
  }
  if (isVerificationPageProblem(fromLanding)) return <VerificationProblem purpose="email-change" problem={fromLanding} />;
  const check = await checkEmailChangeGrant(readVerificationGrantCookie(await cookies(), "email-change"));
  if (check.status !== "valid") return <VerificationProblem purpose="email-change" problem={check.status} />;
  return (
    <section className="auth-card" aria-labelledby="confirm-email-title">
      <h1 id="confirm-email-title">{t("title")}</h1>
      <p className="auth-card-intro">{t.rich("intro", { email: check.email, strong: (chunks) => <strong>{chunks}</strong> })}</p>
      <form action={confirmEmailChange}>
        <button type="submit" className="button button-primary">
          {t("confirm", { email: check.email })}
        </button>
      </form>
    </section>
  );
}
