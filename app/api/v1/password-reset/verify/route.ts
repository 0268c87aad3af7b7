import { apiRoute } from "@/app/_server/api/api-route";
import { rateLimitedError, respond, unusableLinkError, v1Dialect, wrongCodeError } from "@/app/_server/api/v1/responses";
import { verifiedSchema, verifyBodySchema } from "@/app/_server/api/v1/schemas";
import { currentRequestOrigin } from "@/app/_server/client-address";
import { redeemResetCode } from "@/app/_server/recovery/redeem-reset-code";
import { checkResetLink, openResetLink } from "@/app/_server/recovery/reset-credentials";
import { API_RESET_GRANT_COOKIE_PATH, RESET_GRANT_COOKIE, resetGrantCookieOptions } from "@/app/_server/recovery/reset-grant-cookie";

/**
 * POST /api/v1/password-reset/verify: is this link (email + token) or code (email + code) good, and until when?
 * Checking a token uses nothing up, like opening the link. It can also be exchanged for a reset grant, so a browser
 * front end can drop the token from its URL: in an HttpOnly cookie (`grant: "cookie"`) or in the body (`"body"`).
 * A code is always exchanged, because checking it uses it up.
 */
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoute(v1Dialect, {
  async POST(_request, api) {
    const body = await api.parseBody(verifyBodySchema);
    if (!body.ok) return body.response;
    const { email, token, code } = body.data;

    if (token !== undefined && (body.data.grant ?? "none") === "none") {
      const check = await checkResetLink({ token, email });
      if (check.status !== "valid") return unusableLinkError(check.status);
      return respond(verifiedSchema, { valid: true, expiresAt: check.token.expiresAt.toISOString() });
    }

    const exchanged =
      token !== undefined ? await openResetLink({ token, email }) : await redeemResetCode({ email, code: code ?? "" }, await currentRequestOrigin());
    if (exchanged.status === "wrong-code") return wrongCodeError();
    if (exchanged.status === "rate-limited") return rateLimitedError(exchanged.retryAfterSeconds);
    if (exchanged.status !== "valid") return unusableLinkError(exchanged.status);

    const expiry = { expiresAt: exchanged.linkExpiresAt.toISOString(), grantExpiresAt: exchanged.grantExpiresAt.toISOString() };
    if (body.data.grant === "cookie") {
      const response = respond(verifiedSchema, { valid: true, ...expiry });
      response.cookies.set(RESET_GRANT_COOKIE, exchanged.grant, resetGrantCookieOptions(exchanged.grantExpiresAt, new Date(), API_RESET_GRANT_COOKIE_PATH));
      return response;
    }
    return respond(verifiedSchema, { valid: true, ...expiry, grant: exchanged.grant });
  },
});
