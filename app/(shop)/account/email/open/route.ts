import type { NextRequest } from "next/server";
import { openVerificationLink } from "@/app/_server/recovery/open-verification-link";

/** The link in an email-change confirmation: /account/email/open?token=…&email=… (recovery/open-verification-link.ts). */
export function GET(request: NextRequest) {
  return openVerificationLink(request, "email-change", "/account/email/confirm");
}
