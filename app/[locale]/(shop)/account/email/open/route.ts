import type { NextRequest } from "next/server";
import { openVerificationLink } from "@/app/_server/recovery/open-verification-link";
import { asLocale, localePath } from "@/i18n/locales.mjs";

/** The link in an email-change confirmation: /account/email/open?token=…&email=…, in its language (recovery/open-verification-link.ts). */
export async function GET(request: NextRequest, { params }: RouteContext<"/[locale]/account/email/open">) {
  return openVerificationLink(request, "email-change", localePath(asLocale((await params).locale), "/account/email/confirm"));
}
