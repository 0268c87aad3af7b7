import type { NextRequest } from "next/server";
import { openVerificationLink } from "@/app/_server/recovery/open-verification-link";
import { asLocale, localePath } from "@/i18n/locales.mjs";

/** The link in a sign-up email: /register/open?token=…&email=…, in its language (recovery/open-verification-link.ts). */
export async function GET(request: NextRequest, { params }: RouteContext<"/[locale]/register/open">) {
  return openVerificationLink(request, "sign-up", localePath(asLocale((await params).locale), "/register/complete"));
}
