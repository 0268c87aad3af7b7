import { cookies } from "next/headers";
import type { NextResponse } from "next/server";
import { apiRoute } from "@/app/_server/api/api-route";
import { apiError, fieldProblem, rateLimitedError, respond, unusableLinkError, v1Dialect, wrongCodeError } from "@/app/_server/api/v1/responses";
import { completeBodySchema, completedSchema } from "@/app/_server/api/v1/schemas";
import { currentRequestOrigin } from "@/app/_server/client-address";
import {
  completePasswordReset,
  completePasswordResetWithCode,
  type CompleteWithCodeResult,
  type ResetCredential,
} from "@/app/_server/recovery/complete-password-reset";
import { API_RESET_GRANT_COOKIE_PATH, RESET_GRANT_COOKIE, resetGrantCookieOptions } from "@/app/_server/recovery/reset-grant-cookie";

/**
 * POST /api/v1/password-reset/complete: sets the new password, with a grant (in the body, or the cookie `verify`
 * set), the link's token and email, or the email's code and address. Exactly one concurrent completion succeeds.
 */
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoute(v1Dialect, {
  async POST(_request, api) {
    const body = await api.parseBody(completeBodySchema);
    if (!body.ok) return body.response;
    const { grant, email, token, code, newPassword, signOutOtherSessions } = body.data;
    const origin = await currentRequestOrigin();

    let result: CompleteWithCodeResult;
    let usedCookie = false;
    if (code !== undefined && email !== undefined) {
      result = await completePasswordResetWithCode({ entry: { email, code }, newPassword, signOutOtherSessions }, origin);
    } else {
      let credential: ResetCredential;
      if (grant !== undefined) credential = { grant };
      else if (token !== undefined) credential = { token, email };
      else {
        const fromCookie = (await cookies()).get(RESET_GRANT_COOKIE)?.value;
        if (!fromCookie) {
          return apiError(401, "invalid_reset_credentials", "Send a grant, the token with the email, or the code with the email.");
        }
        credential = { grant: fromCookie };
        usedCookie = true;
      }
      result = await completePasswordReset({ credential, newPassword, signOutOtherSessions }, origin);
    }

    switch (result.status) {
      case "completed":
        return forgetCookieGrant(respond(completedSchema, { completed: true, signedOutOtherSessions: signOutOtherSessions }), usedCookie);
      case "password-rejected":
        return fieldProblem({ newPassword: result.message });
      case "rate-limited":
        return rateLimitedError(result.retryAfterSeconds);
      case "wrong-code":
        return wrongCodeError();
      default:
        // The grant is dead for good (its link was used, replaced or expired): no point in sending it again.
        return forgetCookieGrant(unusableLinkError(result.status), usedCookie);
    }
  },
});

function forgetCookieGrant(response: NextResponse, usedCookie: boolean): NextResponse {
  if (usedCookie) {
    response.cookies.set(RESET_GRANT_COOKIE, "", { ...resetGrantCookieOptions(new Date(0), new Date(), API_RESET_GRANT_COOKIE_PATH), maxAge: 0 });
  }
  return response;
}
