import "server-only";
import * as z from "zod";
import { confirmationCheck, confirmPasswordSchema, emailSchema, newPasswordSchema, resetCodeSchema } from "@/app/_lib/validation";
import { currentRequestOrigin } from "../../client-address";
import { getConfig } from "../../env";
import { completePasswordResetWithCode } from "../../recovery/complete-password-reset";
import { RESET_CODE_TTL_MINUTES } from "../../recovery/reset-code";
import { requestPasswordReset } from "../../recovery/request-password-reset";
import { seal, unseal } from "../../secrets";
import { type ApiContext, type ApiDialect, doorProblemMessage } from "../api-route";
import { DOOR_ERROR_CODES } from "../v1/responses";
import type { ErrorCode } from "../v1/schemas";

/**
 * Commerce Engine's storefront OTP reset, for front ends on its SDK, over the one recovery core, when
 * COMMERCE_ENGINE_API_ENABLED, under COMMERCE_ENGINE_PATH_PREFIX (like its /api/v1/{store_id}/storefront):
 * - POST <prefix>/auth/forgot-password {email} → {message, success, content: {otp_token}}; the code goes by email.
 * - POST <prefix>/auth/reset-password {new_password, confirm_password, otp_token, otp} → {message, success, content}.
 *
 * The otp_token is sealed (AES-256-GCM) and names only the address and when it lapses: every address gets one, so
 * the answer says nothing about whether an account exists, and it is worthless without the emailed code.
 * `content` carries no access or refresh token: this store has no bearer-token customer API to hand them to (its
 * sessions are first-party cookies), and by default a reset doesn't sign anyone in (OWASP's advice: whoever holds a
 * reset code should still have to sign in). The shopper signs in with the new password.
 */
type Envelope = { message: string; success: boolean; content?: Record<string, unknown>; code?: string };

function envelope(status: number, body: Envelope, headers?: HeadersInit): Response {
  return Response.json(body, { status, headers });
}

/** Failures carry the native API's error codes, so a client can switch on the same codes on every surface. */
const failure = (status: number, code: ErrorCode, message: string, headers?: HeadersInit) =>
  envelope(status, { message, success: false, code }, headers);

/** A forged or lapsed otp_token and a wrong code get the same answer. */
const invalidOtp = () => failure(401, "invalid_reset_credentials", "The code has expired or isn't valid. Ask for a new one.");

export const commerceEngineDialect: ApiDialect = {
  problem: (problem, status) => failure(status, DOOR_ERROR_CODES[problem.kind], doorProblemMessage(problem)),
};

export const forgotPasswordBodySchema = z.object({ email: emailSchema });
export const resetPasswordBodySchema = z
  .object({
    new_password: newPasswordSchema,
    confirm_password: confirmPasswordSchema,
    otp_token: z.string({ error: "Send the otp_token from forgot-password" }).check(z.minLength(1), z.maxLength(1024)),
    otp: resetCodeSchema,
  })
  .check(confirmationCheck("new_password", "confirm_password"));

/**
 * The otp_token: the address the code was sent to, sealed, with an expiry a minute past the code's own lifetime (the
 * code's stored expiry is what counts; this only keeps old tokens from lingering).
 */
function issueOtpToken(email: string, now = Date.now()): string {
  return seal("commerce-engine-otp", JSON.stringify({ e: email, x: now + (RESET_CODE_TTL_MINUTES + 1) * 60_000 }));
}

function readOtpToken(otpToken: string, now = Date.now()): string | null {
  try {
    const { e, x } = JSON.parse(unseal("commerce-engine-otp", otpToken)) as { e?: unknown; x?: unknown };
    return typeof e === "string" && typeof x === "number" && x > now ? e : null;
  } catch {
    return null;
  }
}

/** Whether the path is <prefix>/auth/<action> for the configured prefix. */
export function commerceEngineAction(path: string[]): "forgot-password" | "reset-password" | null {
  const { pathPrefix } = getConfig().headless.commerceEngine;
  const joined = `/${path.join("/")}`;
  for (const action of ["forgot-password", "reset-password"] as const) {
    if (joined === `${pathPrefix}/auth/${action}`) return action;
  }
  return null;
}

/** Switched on, and the request is under the configured prefix. */
export const commerceEngineServes = (params: { path: string[] }) =>
  getConfig().headless.commerceEngine.enabled && commerceEngineAction(params.path) !== null;

export async function handleCommerceEngine(_request: Request, api: ApiContext, path: string[]): Promise<Response> {
  const action = commerceEngineAction(path);
  if (!action) return api.problem({ kind: "not-found" });

  if (action === "forgot-password") {
    const body = await api.parseBody(forgotPasswordBodySchema);
    if (!body.ok) return body.response;
    await requestPasswordReset({ email: body.data.email }, await currentRequestOrigin());
    return envelope(200, {
      message: "If an account uses that address, we've emailed it a code.",
      success: true,
      content: { otp_token: issueOtpToken(body.data.email) },
    });
  }

  const body = await api.parseBody(resetPasswordBodySchema);
  if (!body.ok) return body.response;
  const email = readOtpToken(body.data.otp_token);
  if (!email) return invalidOtp();
  const result = await completePasswordResetWithCode(
    { entry: { email, code: body.data.otp }, newPassword: body.data.new_password, signOutOtherSessions: true },
    await currentRequestOrigin(),
  );
  switch (result.status) {
    case "completed":
      return envelope(200, { message: "Your password has been reset. Sign in with your new password.", success: true, content: {} });
    case "password-rejected":
      return failure(400, "validation_failed", `new_password: ${result.message}`);
    case "rate-limited":
      return failure(429, "rate_limited", "Too many attempts. Please try again later.", { "Retry-After": String(result.retryAfterSeconds) });
    default:
      return invalidOtp();
  }
}
