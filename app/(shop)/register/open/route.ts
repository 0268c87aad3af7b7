import type { NextRequest } from "next/server";
import { openVerificationLink } from "@/app/_server/recovery/open-verification-link";

/** The link in a sign-up email: /register/open?token=…&email=… (recovery/open-verification-link.ts). */
export function GET(request: NextRequest) {
  return openVerificationLink(request, "sign-up", "/register/complete");
}
