import "server-only";
import { type NextRequest, NextResponse } from "next/server";
import { checkVerificationLink, issueVerificationGrant, type VerificationPurpose } from "./email-verification";
import { setVerificationGrantCookie } from "./verification-cookie";

/**
 * The emailed sign-up and email-change links land on a route that checks the link without using it up, moves it
 * into the grant cookie, and sends the browser on to `page` with a clean URL, as the reset link's landing route
 * does: the token never sits in the address bar, history or a Referer header. A dead link goes on with its reason.
 * Opening it any number of times (mail scanners do) changes nothing.
 */
export async function openVerificationLink(request: NextRequest, purpose: VerificationPurpose, page: string): Promise<NextResponse> {
  const query = request.nextUrl.searchParams;
  // A repeated parameter is as broken as a missing one.
  const link = {
    token: query.getAll("token").length === 1 ? query.get("token") : null,
    email: query.getAll("email").length === 1 ? query.get("email") : null,
  };
  const check = await checkVerificationLink(purpose, link);
  const response = new NextResponse(null, {
    status: 303,
    headers: {
      Location: check.status === "valid" ? page : `${page}?link=${check.status}`,
      "Referrer-Policy": "no-referrer",
      "Cache-Control": "no-store",
    },
  });
  if (check.status === "valid") {
    const { grant, expiresAt } = issueVerificationGrant(check.verification);
    setVerificationGrantCookie(response.cookies, purpose, grant, expiresAt);
  }
  return response;
}
