import "server-only";
import * as z from "zod";
import { emailSchema, newPasswordSchema } from "@/app/_lib/validation";
import { currentRequestOrigin } from "../../client-address";
import { getConfig } from "../../env";
import { completePasswordReset, type ResetCredential } from "../../recovery/complete-password-reset";
import { requestPasswordReset } from "../../recovery/request-password-reset";
import { type ApiContext, type ApiDialect, type DoorProblem, doorProblemMessage } from "../api-route";

/**
 * Medusa v2's customer emailpass reset routes, for storefronts built on its JS SDK
 * (`sdk.auth.resetPassword("customer", "emailpass", { identifier })` and `sdk.auth.updateProvider(…, token)`),
 * over the one recovery core, when MEDUSA_API_ENABLED:
 * - POST /auth/customer/emailpass/reset-password {identifier} → 201, no body, for every address.
 * - POST /auth/customer/emailpass/update with `Authorization: Bearer <token from the link>` and {password}
 *   (an `email` may be sent too, and is then checked) → {success: true}.
 * Where Medusa emits an event and leaves sending to you, this sends the email itself, through the outbox; its link
 * carries `token` and `email` query parameters like the one Medusa's starter storefront expects.
 * Errors are Medusa's `{ type, message }`.
 */
type MedusaErrorType = "invalid_data" | "unauthorized" | "not_allowed" | "not_found" | "unexpected_state";

function medusaError(status: number, type: MedusaErrorType, message: string, headers?: HeadersInit): Response {
  return Response.json({ type, message }, { status, headers });
}

const MEDUSA_TYPES: Record<DoorProblem["kind"], MedusaErrorType> = {
  validation: "invalid_data",
  "malformed-json": "invalid_data",
  "unsupported-media-type": "invalid_data",
  "too-large": "invalid_data",
  "method-not-allowed": "not_allowed",
  "origin-not-allowed": "not_allowed",
  "not-found": "not_found",
  internal: "unexpected_state",
};

export const medusaDialect: ApiDialect = {
  problem: (problem, status) => medusaError(status, MEDUSA_TYPES[problem.kind], doorProblemMessage(problem)),
};

export const resetPasswordBodySchema = z.object({ identifier: emailSchema });
export const updateBodySchema = z.object({ password: newPasswordSchema, email: z.optional(emailSchema) });
const bearerSchema = z.string().regex(/^Bearer \S{1,512}$/, { message: "Send the reset token as Authorization: Bearer <token>" });

export const medusaEnabled = () => getConfig().headless.medusa;

export async function handleMedusa(request: Request, api: ApiContext, action: "reset-password" | "update"): Promise<Response> {
  if (action === "reset-password") {
    const body = await api.parseBody(resetPasswordBodySchema);
    if (!body.ok) return body.response;
    await requestPasswordReset({ email: body.data.identifier }, await currentRequestOrigin());
    return new Response(null, { status: 201 });
  }

  const authorization = bearerSchema.safeParse(request.headers.get("authorization") ?? "");
  if (!authorization.success) return medusaError(401, "unauthorized", "Invalid token");
  const body = await api.parseBody(updateBodySchema);
  if (!body.ok) return body.response;
  const token = authorization.data.slice("Bearer ".length);
  const credential: ResetCredential = body.data.email ? { token, email: body.data.email } : { tokenOnly: token };
  const result = await completePasswordReset(
    { credential, newPassword: body.data.password, signOutOtherSessions: true },
    await currentRequestOrigin(),
  );
  switch (result.status) {
    case "completed":
      return Response.json({ success: true });
    case "password-rejected":
      return medusaError(400, "invalid_data", result.message);
    case "rate-limited":
      return medusaError(429, "not_allowed", "Too many attempts. Please try again later.", { "Retry-After": String(result.retryAfterSeconds) });
    default:
      return medusaError(401, "unauthorized", "Invalid token");
  }
}
