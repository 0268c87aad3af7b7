import "server-only";
import { createTranslator } from "next-intl";
import type { Locale } from "@/i18n/locales.mjs";
import { MESSAGES } from "@/messages";
import { NextResponse } from "next/server";
import * as z from "zod";
import { confirmationCheck, confirmPasswordSchema, emailSchema, newPasswordSchema, presentedSecretSchema, resetCodeSchema } from "@/app/_lib/validation";
import type { AppConfig } from "../../env";
import { completePasswordReset } from "../../recovery/complete-password-reset";
import { RESET_CODE_TTL_MINUTES } from "../../recovery/reset-code";
import { requestPasswordReset } from "../../recovery/request-password-reset";
import { resolveResetProof } from "../../recovery/reset-proof";
import { seal, unseal } from "../../secrets";
import { type ApiDialect, type ApiProblem, type ApiSurface, operation, problemMessage } from "../api-route";
import { problemCode } from "../v1/responses";

/**
 * Commerce Engine's storefront OTP reset, for front ends on its SDK, when COMMERCE_ENGINE_API_ENABLED, under
 * COMMERCE_ENGINE_PATH_PREFIX (like its /api/v1/{store_id}/storefront):
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

const envelope = (status: number, body: Envelope) => NextResponse.json(body, { status });

/** This facade's own messages, in the request's language. */
function words(locale: Locale) {
  return createTranslator({ locale, messages: MESSAGES[locale], namespace: "api.commerceEngine" });
}

/** Failures carry the native API's error codes, so a client can switch on the same codes on every surface. */
const commerceEngineDialect: ApiDialect = {
  problem(problem, status, locale) {
    // A forged or lapsed otp_token, a wrong code and a dead link get one answer: the code doesn't work.
    const shown: ApiProblem = problem.kind === "unusable-proof" ? { kind: "unusable-proof", reason: "wrong-code" } : problem;
    const message = shown.kind === "password-rejected" ? `new_password: ${problemMessage(shown, locale)}` : problemMessage(shown, locale);
    return envelope(status, { message, success: false, code: problemCode(shown) });
  },
};

const forgotPasswordBodySchema = z.object({ email: emailSchema });
const resetPasswordBodySchema = z
  .object({
    new_password: newPasswordSchema,
    confirm_password: confirmPasswordSchema,
    otp_token: presentedSecretSchema("otpTokenMissing", "otpTokenNotOurs"),
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

const underPrefix = (action: string) => (config: AppConfig) => `${config.headless.commerceEngine.pathPrefix}/auth/${action}`;

export const commerceEngineSurface: ApiSurface = {
  dialect: commerceEngineDialect,
  enabled: (config) => config.headless.commerceEngine.enabled,
  operations: [
    operation({
      method: "POST",
      path: underPrefix("forgot-password"),
      body: forgotPasswordBodySchema,
      async handle({ body, origin, locale }) {
        const accepted = await requestPasswordReset({ email: body.email, locale }, origin);
        return { ...accepted, otpToken: issueOtpToken(body.email) };
      },
      map: {
        accepted: ({ otpToken }, { locale }) =>
          envelope(200, { message: words(locale)("codeSent"), success: true, content: { otp_token: otpToken } }),
      },
    }),

    operation({
      method: "POST",
      path: underPrefix("reset-password"),
      body: resetPasswordBodySchema,
      async handle({ body, origin }) {
        const email = readOtpToken(body.otp_token);
        if (!email) return { status: "wrong-code" } as const;
        const proof = await resolveResetProof({ email, code: body.otp }, origin);
        return completePasswordReset(proof, { newPassword: body.new_password, signOutOtherSessions: true }, origin);
      },
      map: {
        completed: (_outcome, { locale }) => envelope(200, { message: words(locale)("passwordReset"), success: true, content: {} }),
      },
    }),
  ],
};
