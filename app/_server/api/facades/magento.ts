import "server-only";
import { NextResponse } from "next/server";
import * as z from "zod";
import { emailSchema, newPasswordSchema, presentedSecretSchema } from "@/app/_lib/validation";
import { completePasswordReset } from "../../recovery/complete-password-reset";
import { requestPasswordReset } from "../../recovery/request-password-reset";
import { resolveResetProof } from "../../recovery/reset-proof";
import { checkResetToken } from "../../recovery/reset-token-checks";
import { type ApiDialect, type ApiSurface, operation, problemMessage } from "../api-route";

/**
 * Magento 2's customer password-reset REST API, for storefronts written against it (PWA Studio, Angular or Vue
 * front ends): the same paths, bodies, `true` answers and `{ message, parameters }` errors, under /rest/V1/… and
 * /rest/<store code>/V1/…, when MAGENTO_API_ENABLED. Differences from Magento, on purpose:
 * - PUT /V1/customers/password answers `true` for every address, where Magento answers 404 "No such entity" for an
 *   unknown one, telling anyone which addresses have accounts.
 * - The customer id Magento's validate call needs isn't in the emailed link (a long-standing complaint). Pass `0`:
 *   the token alone identifies the account, as Magento itself does for an empty id. Any other id must match.
 * - Completing a reset signs the account out everywhere, and the customer is told by email.
 */
type MagentoError = { message: string; parameters?: Record<string, string> | string[] };

function magentoError(status: number, message: string, parameters?: MagentoError["parameters"]): NextResponse {
  return NextResponse.json(parameters ? { message, parameters } : { message }, { status });
}

const MISMATCHED_TOKEN = "The password token is mismatched. Reset and try again.";

const magentoDialect: ApiDialect = {
  problem(problem, status) {
    switch (problem.kind) {
      case "validation": {
        const [fieldName, reason] = Object.entries(problem.fields)[0] ?? ["body", "is invalid"];
        if (/^(Enter|Required|Invalid input: expected .*, received undefined)/.test(reason)) {
          return magentoError(400, '"%fieldName" is required. Enter and try again.', { fieldName });
        }
        return magentoError(400, `The "%fieldName" value is invalid. ${reason}.`, { fieldName });
      }
      case "malformed-json":
        return magentoError(400, "Decoding error: the request body isn't valid JSON.");
      case "unsupported-media-type":
        return magentoError(415, "Server cannot understand Content-Type HTTP header media type. Send application/json.");
      case "too-large":
        return magentoError(413, "The request body is too large.");
      case "method-not-allowed":
      case "not-found":
        return magentoError(status, "Request does not match any route.");
      case "origin-not-allowed":
        return magentoError(403, "The consumer isn't authorized to access this resource from this origin.");
      case "unauthorized":
        return magentoError(401, "The consumer isn't authorized to access %resources.", { resources: "self" });
      case "rate-limited":
        return magentoError(429, "Too many password reset requests. Please wait and try again.");
      case "password-rejected":
        return magentoError(400, problemMessage(problem, "en"));
      case "unusable-proof":
        return magentoError(400, problem.reason === "expired" ? "The password token is expired. Reset and try again." : MISMATCHED_TOKEN);
      case "internal":
        return magentoError(status, "Internal Error. Details are available in Magento log file. Report ID: none");
    }
  },
};

const MAGENTO_TEMPLATES: readonly string[] = ["email_reset", "email_reminder"];
/** /rest/V1/… or /rest/<store code>/V1/… (default, all, or any store code). */
const REST = "/rest/:store([A-Za-z0-9_]{1,32})?/V1";
const respondTrue = () => NextResponse.json(true);

const initiateResetBodySchema = z.object({
  email: emailSchema,
  template: z.string({ error: "Required" }),
  websiteId: z.optional(z.union([z.number(), z.string()])),
});

const resetPasswordBodySchema = z.object({
  // Magento: "If empty value given then the customer will be matched by the RP token."
  email: z.union([z.literal(""), emailSchema]),
  resetToken: presentedSecretSchema("Required", "That isn't a token we send"),
  newPassword: newPasswordSchema,
});

const validateTokenParams = z.object({ customerId: z.string(), token: presentedSecretSchema("Required", "That isn't a token we send") });

export const magentoSurface: ApiSurface = {
  dialect: magentoDialect,
  messagesLocale: "en",
  enabled: (config) => config.headless.magento,
  operations: [
    operation({
      method: "PUT",
      path: `${REST}/customers/password`,
      body: initiateResetBodySchema,
      async handle({ body, origin, locale }) {
        if (!MAGENTO_TEMPLATES.includes(body.template)) {
          return magentoError(400, 'Invalid value of "%value" provided for the %fieldName field. Possible values: email_reminder or email_reset.', {
            // Echoed as Magento does, but only when it looks like a template name: never an address or a token
            // someone pasted into the wrong field.
            value: /^[A-Za-z0-9_]{1,64}$/.test(body.template) ? body.template : "",
            fieldName: "template",
          });
        }
        return requestPasswordReset({ email: body.email, locale }, origin);
      },
      map: { accepted: respondTrue },
    }),

    operation({
      method: "GET",
      path: `${REST}/customers/:customerId/password/resetLinkToken/:token`,
      params: validateTokenParams,
      async handle({ params }) {
        const check = await checkResetToken(params.token);
        if (check.status !== "valid") return check;
        if (params.customerId !== "0" && params.customerId !== check.token.customerId) return { status: "invalid" } as const;
        return { status: "valid" } as const;
      },
      map: { valid: respondTrue },
    }),

    operation({
      method: "POST",
      path: `${REST}/customers/resetPassword`,
      body: resetPasswordBodySchema,
      async handle({ body: { email, resetToken, newPassword }, origin }) {
        const proof = await resolveResetProof({ token: resetToken, email: email || undefined }, origin);
        return completePasswordReset(proof, { newPassword, signOutOtherSessions: true }, origin);
      },
      map: { completed: respondTrue },
    }),
  ],
};
