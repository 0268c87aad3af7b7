import type { Metadata } from "next";
import { ResetLinkProblem } from "@/app/_components/reset-link-problem";
import { type SearchParams, singleParam } from "@/app/_lib/search-params";
import { checkResetLink } from "@/app/_server/recovery/check-reset-link";
import { ResetPasswordForm } from "./reset-password-form";

export const metadata: Metadata = { title: "Choose a new password" };

/**
 * The page the emailed link opens. It checks the token and email but never consumes the token, so a mail scanner
 * or a link preview opening it changes nothing; only submitting the form does.
 */
export default async function ResetPasswordPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const token = singleParam(params.token);
  const email = singleParam(params.email);
  const link = await checkResetLink({ token, email });
  if (link.status !== "valid") return <ResetLinkProblem reason={link.status} />;
  return <ResetPasswordForm token={token ?? ""} email={link.email} />;
}
