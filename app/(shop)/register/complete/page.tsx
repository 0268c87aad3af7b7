import type { Metadata } from "next";
import { cookies } from "next/headers";
import { AuthCard } from "@/app/_components/auth-card";
import { VerificationProblem } from "@/app/_components/verification-problem";
import { type SearchParams, singleParam } from "@/app/_lib/search-params";
import { isVerificationPageProblem } from "@/app/_lib/verification";
import { checkSignUpGrant } from "@/app/_server/recovery/sign-up";
import { readVerificationGrantCookie } from "@/app/_server/recovery/verification-cookie";
import { FinishSignUpForm } from "./finish-sign-up-form.lazy";

export const metadata: Metadata = { title: "Finish creating your account" };

/**
 * Step three: the address is proven (the link's landing route or the code left a grant in this browser), so the
 * shopper chooses a name and password. Checking the grant uses nothing up; only submitting the form does.
 */
export default async function FinishSignUpPage({ searchParams }: { searchParams: SearchParams }) {
  const fromLanding = singleParam((await searchParams).link);
  if (isVerificationPageProblem(fromLanding)) return <VerificationProblem purpose="sign-up" problem={fromLanding} />;
  const check = await checkSignUpGrant(readVerificationGrantCookie(await cookies(), "sign-up"));
  if (check.status !== "valid") return <VerificationProblem purpose="sign-up" problem={check.status} />;
  return (
    <AuthCard title="Finish creating your account" intro={`Your email address is confirmed: ${check.email}. Now choose your name and a password.`}>
      <FinishSignUpForm email={check.email} />
    </AuthCard>
  );
}
