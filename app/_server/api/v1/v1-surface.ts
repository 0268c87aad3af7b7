import "server-only";
import { createTranslator } from "next-intl";
import type { Locale } from "@/i18n/locales.mjs";
import { MESSAGES } from "@/messages";
import { NextResponse } from "next/server";
import { completePasswordReset } from "../../recovery/complete-password-reset";
import { requestPasswordReset } from "../../recovery/request-password-reset";
import { forgetResetGrantCookie, readResetGrantCookie, setResetGrantCookie } from "../../recovery/reset-grant-cookie";
import { openResetLink, redeemResetCode } from "../../recovery/reset-grant-exchange";
import { resolveResetProof } from "../../recovery/reset-proof";
import { checkResetLink } from "../../recovery/reset-token-checks";
import { type ApiSurface, operation } from "../api-route";
import { renderApiDocsPage } from "./api-docs-page";
import { openApiDocument } from "./openapi";
import { respond, v1Dialect } from "./responses";
import { completeBodySchema, completedSchema, requestAcceptedSchema, requestBodySchema, verifiedSchema, verifyBodySchema } from "./schemas";

/** The API's own words, in the request's language. */
function apiWords(locale: Locale) {
  return createTranslator({ locale, messages: MESSAGES[locale], namespace: "api" });
}

/** The native JSON API, always on. Its OpenAPI document (./openapi.ts) describes these operations. */
export const V1_PREFIX = "/api/v1";

export const v1Surface: ApiSurface = {
  dialect: v1Dialect,
  enabled: () => true,
  operations: [
    operation({
      // The forgot-password form as JSON: 202 with the same body for every well-formed address.
      method: "POST",
      path: `${V1_PREFIX}/password-reset/request`,
      body: requestBodySchema,
      handle: ({ body, origin, locale }) => requestPasswordReset({ email: body.email, locale }, origin),
      map: {
        accepted: (_outcome, { locale }) =>
          respond(requestAcceptedSchema, { accepted: true, message: apiWords(locale)("resetRequestAccepted") }, { status: 202 }),
      },
    }),

    operation({
      // Is this link or code good, and until when? Checking a token uses nothing up; it can also be exchanged for a
      // grant, in an HttpOnly cookie or in the body. A code is always exchanged, because checking it uses it up.
      method: "POST",
      path: `${V1_PREFIX}/password-reset/verify`,
      body: verifyBodySchema,
      async handle({ body: { email, token, code, grant }, origin }) {
        if (code !== undefined) return redeemResetCode({ email, code }, origin);
        if ((grant ?? "none") === "none") return checkResetLink({ token, email });
        return openResetLink({ token, email });
      },
      map: {
        valid: (result, { body }) => {
          if ("token" in result) return respond(verifiedSchema, { valid: true, expiresAt: result.token.expiresAt.toISOString() });
          const expiry = { expiresAt: result.linkExpiresAt.toISOString(), grantExpiresAt: result.grantExpiresAt.toISOString() };
          if (body.grant === "body") return respond(verifiedSchema, { valid: true, ...expiry, grant: result.grant });
          const response = respond(verifiedSchema, { valid: true, ...expiry });
          setResetGrantCookie(response.cookies, "api", result.grant, result.grantExpiresAt);
          return response;
        },
      },
    }),

    operation({
      // Sets the new password with whichever proof was sent (or the cookie verify set). Exactly one concurrent
      // completion succeeds.
      method: "POST",
      path: `${V1_PREFIX}/password-reset/complete`,
      body: completeBodySchema,
      async handle({ body: { newPassword, signOutOtherSessions, ...presented }, request, origin, answer }) {
        const proof = await resolveResetProof({ ...presented, cookieGrant: readResetGrantCookie(request.cookies) }, origin);
        const result = await completePasswordReset(proof, { newPassword, signOutOtherSessions }, origin);
        if (result.status !== "completed") return answer(result);
        const response = respond(completedSchema, { completed: true, signedOutOtherSessions: signOutOtherSessions });
        if (proof.fromCookie) forgetResetGrantCookie(response.cookies, "api");
        return response;
      },
    }),

    operation({
      method: "GET",
      path: `${V1_PREFIX}/openapi.json`,
      handle: async () => NextResponse.json(openApiDocument(), { headers: { "Cache-Control": "public, max-age=300" } }),
    }),

    operation({
      method: "GET",
      path: `${V1_PREFIX}/docs`,
      handle: async () => renderApiDocsPage(),
    }),
  ],
};
