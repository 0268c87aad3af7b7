import "server-only";
import * as z from "zod";
import { emailSchema, newPasswordSchema } from "@/app/_lib/validation";
import { currentRequestOrigin } from "../../client-address";
import { getConfig } from "../../env";
import { completePasswordReset, type ResetCredential } from "../../recovery/complete-password-reset";
import { requestPasswordReset } from "../../recovery/request-password-reset";
import { checkResetToken } from "../../recovery/reset-credentials";
import type { UnusableLinkReason } from "../../recovery/reset-credentials";
import type { ApiContext, ApiDialect } from "../api-route";

/**
 * Magento 2's customer password-reset REST API, for storefronts written against it (PWA Studio, Angular or Vue
 * front ends): the same paths, bodies, `true` answers and `{ message, parameters }` errors, over the one recovery
 * core. Mounted at /rest/V1/… and /rest/<store code>/V1/… (default, all, or any store code) when MAGENTO_API_ENABLED.
 *
 * Differences from Magento, on purpose:
 * - PUT /V1/customers/password answers `true` for every address. Magento answers 404 "No such entity" for an unknown
 *   one, telling anyone which addresses have accounts.
 * - The customer id Magento's validate call needs isn't in the emailed link (a long-standing complaint). Pass `0`:
 *   the token alone identifies the account, as Magento itself does for an empty id. Any other id must match.
 * - Completing a reset signs the account out everywhere, and the customer is told by email.
 */
type MagentoError = { message: string; parameters?: Record<string, string> | string[] };

function magentoError(status: number, message: string, parameters?: MagentoError["parameters"], headers?: HeadersInit): Response {
  const body: MagentoError = parameters ? { message, parameters } : { message };
  return Response.json(body, { status, headers });
}

export const magentoDialect: ApiDialect = {
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
        return magentoError(problem.kind === "not-found" ? 404 : 405, "Request does not match any route.");
      case "origin-not-allowed":
        return magentoError(403, "The consumer isn't authorized to access this resource from this origin.");
      default:
        return magentoError(status, "Internal Error. Details are available in Magento log file. Report ID: none");
    }
  },
};

const TOKEN_MESSAGES: Record<UnusableLinkReason, string> = {
  invalid: "The password token is mismatched. Reset and try again.",
  expired: "The password token is expired. Reset and try again.",
  used: "The password token is mismatched. Reset and try again.",
  superseded: "The password token is mismatched. Reset and try again.",
};

function rateLimited(retryAfterSeconds: number): Response {
  return magentoError(429, "Too many password reset requests. Please wait and try again.", undefined, {
    "Retry-After": String(retryAfterSeconds),
  });
}

const MAGENTO_TEMPLATES = ["email_reset", "email_reminder"] as const;

export const initiateResetBodySchema = z.object({
  email: emailSchema,
  template: z.string({ error: "Required" }),
  websiteId: z.optional(z.union([z.number(), z.string()])),
});

export const resetPasswordBodySchema = z.object({
  // Magento: "If empty value given then the customer will be matched by the RP token."
  email: z.union([z.literal(""), emailSchema]),
  resetToken: z.string({ error: "Required" }).check(z.minLength(1, { error: "Required" }), z.maxLength(512)),
  newPassword: newPasswordSchema,
});

/** The path after /rest/, with an optional store code: ["V1", …] or ["default", "V1", …]. */
function routeOf(path: string[]): string[] | null {
  if (path[0] === "V1") return path.slice(1);
  if (path[1] === "V1" && /^[a-z0-9_]{1,32}$/i.test(path[0] ?? "")) return path.slice(2);
  return null;
}

export const magentoEnabled = () => getConfig().headless.magento;

export async function handleMagento(request: Request, api: ApiContext, path: string[]): Promise<Response> {
  const route = routeOf(path);
  if (!route) return api.problem({ kind: "not-found" });
  const [resource, second, third, fourth, fifth, ...rest] = route;
  const method = request.method;

  // PUT /V1/customers/password {email, template, websiteId}
  if (resource === "customers" && second === "password" && third === undefined) {
    if (method !== "PUT") return api.problem({ kind: "method-not-allowed", allowed: ["PUT"] });
    const body = await api.parseBody(initiateResetBodySchema);
    if (!body.ok) return body.response;
    if (!(MAGENTO_TEMPLATES as readonly string[]).includes(body.data.template)) {
      return magentoError(400, 'Invalid value of "%value" provided for the %fieldName field. Possible values: email_reminder or email_reset.', {
        value: body.data.template.slice(0, 64),
        fieldName: "template",
      });
    }
    await requestPasswordReset({ email: body.data.email }, await currentRequestOrigin());
    return Response.json(true);
  }

  // GET /V1/customers/{customerId}/password/resetLinkToken/{resetPasswordLinkToken}
  if (resource === "customers" && third === "password" && fourth === "resetLinkToken" && fifth !== undefined && rest.length === 0) {
    if (method !== "GET") return api.problem({ kind: "method-not-allowed", allowed: ["GET"] });
    const customerId = second ?? "";
    const check = await checkResetToken(fifth);
    if (check.status !== "valid") return magentoError(400, TOKEN_MESSAGES[check.status]);
    if (customerId !== "0" && customerId !== check.token.customerId) return magentoError(400, TOKEN_MESSAGES.invalid);
    return Response.json(true);
  }

  // POST /V1/customers/resetPassword {email, resetToken, newPassword}
  if (resource === "customers" && second === "resetPassword" && third === undefined) {
    if (method !== "POST") return api.problem({ kind: "method-not-allowed", allowed: ["POST"] });
    const body = await api.parseBody(resetPasswordBodySchema);
    if (!body.ok) return body.response;
    const { email, resetToken, newPassword } = body.data;
    const credential: ResetCredential = email === "" ? { tokenOnly: resetToken } : { token: resetToken, email };
    const result = await completePasswordReset({ credential, newPassword, signOutOtherSessions: true }, await currentRequestOrigin());
    switch (result.status) {
      case "completed":
        return Response.json(true);
      case "password-rejected":
        return magentoError(400, result.message);
      case "rate-limited":
        return rateLimited(result.retryAfterSeconds);
      default:
        return magentoError(400, TOKEN_MESSAGES[result.status]);
    }
  }

  return api.problem({ kind: "not-found" });
}
