import "server-only";
import { NextResponse } from "next/server";
import * as z from "zod";
import { emailSchema, newPasswordSchema, PRESENTED_SECRET_MAX_LENGTH } from "@/app/_lib/validation";
import { completePasswordReset } from "../../recovery/complete-password-reset";
import { requestPasswordReset } from "../../recovery/request-password-reset";
import { resolveResetProof } from "../../recovery/reset-proof";
import { type ApiDialect, type ApiProblem, type ApiSurface, operation, problemMessage } from "../api-route";

/**
 * Medusa v2's customer emailpass reset routes, for storefronts built on its JS SDK
 * (`sdk.auth.resetPassword("customer", "emailpass", { identifier })` and `sdk.auth.updateProvider(…, token)`),
 * when MEDUSA_API_ENABLED:
 * - POST /auth/customer/emailpass/reset-password {identifier} → 201, no body, for every address.
 * - POST /auth/customer/emailpass/update with `Authorization: Bearer <token from the link>` and {password}
 *   (an `email` may be sent too, and is then checked) → {success: true}.
 * Where Medusa emits an event and leaves sending to you, this sends the email itself, through the outbox; its link
 * carries `token` and `email` query parameters like the one Medusa's starter storefront expects.
 * Errors are Medusa's `{ type, message }`.
 */
type MedusaErrorType = "invalid_data" | "unauthorized" | "not_allowed" | "not_found" | "unexpected_state";

const MEDUSA_TYPES: Record<ApiProblem["kind"], MedusaErrorType> = {
  validation: "invalid_data",
  "malformed-json": "invalid_data",
  "unsupported-media-type": "invalid_data",
  "too-large": "invalid_data",
  "method-not-allowed": "not_allowed",
  "origin-not-allowed": "not_allowed",
  "not-found": "not_found",
  unauthorized: "unauthorized",
  "rate-limited": "not_allowed",
  "password-rejected": "invalid_data",
  "unusable-proof": "unauthorized",
  internal: "unexpected_state",
};

const medusaDialect: ApiDialect = {
  problem(problem, status, locale) {
    // Medusa's SDK answers every token it can't use with this; clients look for it.
    const invalidToken = problem.kind === "unauthorized" || problem.kind === "unusable-proof";
    return NextResponse.json({ type: MEDUSA_TYPES[problem.kind], message: invalidToken ? "Invalid token" : problemMessage(problem, locale) }, { status });
  },
};

const AUTH = "/auth/customer/emailpass";
const bearerSchema = z.string().regex(new RegExp(`^Bearer \\S{1,${PRESENTED_SECRET_MAX_LENGTH}}$`)).transform((header) => header.slice("Bearer ".length));

const resetPasswordBodySchema = z.object({ identifier: emailSchema });
const updateBodySchema = z.object({ password: newPasswordSchema, email: z.optional(emailSchema) });

export const medusaSurface: ApiSurface = {
  dialect: medusaDialect,
  enabled: (config) => config.headless.medusa,
  operations: [
    operation({
      method: "POST",
      path: `${AUTH}/reset-password`,
      body: resetPasswordBodySchema,
      handle: ({ body, origin, locale }) => requestPasswordReset({ email: body.identifier, locale }, origin),
      map: { accepted: () => new NextResponse(null, { status: 201 }) },
    }),

    operation({
      method: "POST",
      path: `${AUTH}/update`,
      credential: bearerSchema,
      body: updateBodySchema,
      async handle({ credential: token, body: { password, email }, origin }) {
        const proof = await resolveResetProof({ token, email }, origin);
        return completePasswordReset(proof, { newPassword: password, signOutOtherSessions: true }, origin);
      },
      map: { completed: () => NextResponse.json({ success: true }) },
    }),
  ],
};
