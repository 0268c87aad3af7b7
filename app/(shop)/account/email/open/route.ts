import type { NextRequest } from "next/server";
import { openVerificationLink } from "@/app/_server/address-proof/open-verification-link";

/** The link in an email-change confirmation: /account/email/open?token=…&email=… (address-proof/open-verification-link.ts). */
export function GET(request: NextRequest) {
  return openVerificationLink(request, "email-change", "/account/email/confirm");
}
