import type { Metadata } from "next";
import { cookies } from "next/headers";
import { getTranslations } from "next-intl/server";
import { AuthCard } from "@/app/_components/auth-card";
import { VerificationProblem } from "@/app/_components/verification-problem";
import { type SearchParams, singleParam } from "@/app/_lib/search-params";
import { isVerificationPageProblem } from "@/app/_lib/verification";
import { checkSignUpGrant } from "@/app/_server/recovery/sign-up";
import { readVerificationGrantCookie } from "@/app/_server/recovery/verification-cookie";
import { FinishSignUpForm } from "./finish-sign-up-form.lazy";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("signUp.finish"))("title") };
}

/**
 * Step three: the address is proven (the link's landing route or the code left a grant in this browser), so the
 * shopper chooses a name and password. Checking the grant uses nothing up; only submitting the form does.
 */
export default async function FinishSignUpPage({ searchParams }: { searchParams: SearchParams }) {
  const fromLanding = singleParam((await searchParams).link);
  if (isVerificationPageProblem(fromLanding)) return <VerificationProblem purpose="sign-up" problem={fromLanding} />;
  const check = await checkSignUpGrant(readVerificationGrantCookie(await cookies(), "sign-up"));
  if (check.status !== "valid") return <VerificationProblem purpose="sign-up" problem={check.status} />;
  const t = await getTranslations("signUp.finish");
  return (
    <AuthCard title={t("title")} intro={t("intro", { email: check.email })}>
      <FinishSignUpForm email={check.email} />
    </AuthCard>
  );
}
