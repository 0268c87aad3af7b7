import "server-only";
import * as z from "zod";
import { formatDuration } from "@/app/_lib/format";
import { RESET_GRANT_TTL_MINUTES } from "@/app/_lib/reset-link-status";
import { emailSchema, newPasswordSchema, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, presentedSecretSchema, resetCodeSchema } from "@/app/_lib/validation";

/**
 * The native JSON API's request and response bodies. The handlers validate with these, and the OpenAPI document
 * (./openapi.ts) is generated from these, so the two can't drift. Field rules come from the shared schemas the
 * pages use (app/_lib/validation.ts): the same email normalisation, password shape and code format.
 */
/** Documents one of the shared (zod/mini) field schemas, which have no .meta(), in zod's global registry. */
function documented<S extends z.core.$ZodType>(schema: S, meta: z.core.GlobalMeta): S {
  z.globalRegistry.add(schema, meta);
  return schema;
}

const email = documented(emailSchema, { description: "The account's email address; trimmed and lowercased.", example: "shopper@example.com" });
const token = documented(presentedSecretSchema("tokenMissing", "tokenNotOurs"), {
  description: "The `token` query parameter of the emailed link.",
  example: "xXgC2dT8bP0m2u1Hq9aG4sJw7kN3eR6vY5zL1cQ8pWo",
});
const code = documented(resetCodeSchema, {
  description: "The 8-character code from the email, as typed: any case, with or without the dash or spaces.",
  example: "7KQ4-XM2P",
  // The schema checks the code after removing dashes and spaces; document what may be sent, not what is compared.
  override: ({ jsonSchema }: { jsonSchema: Record<string, unknown> }) => {
    jsonSchema.pattern = "^[\\s-]*(?:[2-9A-HJ-NP-Za-hj-np-z][\\s-]*){8}$";
  },
});
const grant = documented(presentedSecretSchema("grantMissing", "grantNotOurs"), {
  description: "A reset grant from `verify`.",
  example: "v1.eyJ0IjoiY214…",
});
const newPassword = documented(newPasswordSchema, {
  description: `${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters (PASSWORD_MIN_LENGTH may raise the floor), not a common password, not built from the email, not the current password.`,
  example: "harbour lantern juniper velvet",
});
const timestamp = z.iso.datetime().meta({ example: "2026-11-30T12:30:00.000Z" });

export const requestBodySchema = z.object({ email }).meta({ id: "ResetRequest" });

export const requestAcceptedSchema = z
  .object({
    accepted: z.literal(true),
    message: z.string().meta({ example: "If an account uses shopper@example.com, we've sent it a link to reset the password." }),
  })
  .meta({ id: "ResetRequestAccepted", description: "The same for every well-formed address, registered or not, and over the rate limit or not." });

export const grantDeliverySchema = z
  .enum(["none", "cookie", "body"])
  .meta({
    description:
      "Whether to exchange the link or code for a reset grant, and how to hand it over: `cookie` (browsers: an HttpOnly, SameSite=Strict cookie scoped to this API, so script never sees it) or `body` (native apps). A code is always exchanged, because checking it uses it up; `none` is only for a token.",
  });

export const verifyBodySchema = z
  .object({
    email,
    token: z.optional(token),
    code: z.optional(code),
    grant: grantDeliverySchema.optional(),
  })
  .check(
    z.refine((body) => (body.token === undefined) !== (body.code === undefined), {
      error: "tokenOrCode",
      path: ["token"],
    }),
    z.refine((body) => !(body.code !== undefined && body.grant === "none"), {
      error: "codeNeedsGrant",
      path: ["grant"],
    }),
  )
  .meta({ id: "ResetVerify" });

export const verifiedSchema = z
  .object({
    valid: z.literal(true),
    expiresAt: timestamp.meta({ description: "When the link (and so any grant for it) stops working." }),
    grant: z.string().optional().meta({ description: "The reset grant, when `grant` was `body`." }),
    grantExpiresAt: timestamp.optional().meta({ description: `When the grant stops working: ${formatDuration("en", RESET_GRANT_TTL_MINUTES)}, never past the link.` }),
  })
  .meta({ id: "ResetVerified" });

export const completeBodySchema = z
  .object({
    grant: z.optional(grant),
    email: z.optional(email),
    token: z.optional(token),
    code: z.optional(code),
    newPassword,
    signOutOtherSessions: z.boolean({ error: "notTrueOrFalse" }).default(true).meta({
      description: "End every other session of the account (the default, as on the reset page).",
    }),
  })
  .meta({
    id: "ResetComplete",
    description:
      "One proof of the right to reset: `grant`; or `token` (from the link), with `email` or without it; or `code` with `email`. With none of them, the grant cookie set by `verify`. More than one, or a `code` without `email`, is a 400.",
  });

export const completedSchema = z
  .object({
    completed: z.literal(true),
    signedOutOtherSessions: z.boolean(),
  })
  .meta({ id: "ResetCompleted" });

export const ERROR_CODES = [
  "validation_failed",
  "malformed_json",
  "unsupported_media_type",
  "payload_too_large",
  "method_not_allowed",
  "origin_not_allowed",
  "not_found",
  "rate_limited",
  "invalid_reset_credentials",
  "reset_link_expired",
  "reset_link_used",
  "reset_link_superseded",
  "internal_error",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const errorSchema = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES).meta({ description: "Stable and machine-readable; switch on this, not on the message." }),
      message: z.string().meta({ description: "For people: can be shown to the shopper as it is." }),
      fields: z
        .record(z.string(), z.string())
        .optional()
        .meta({ description: "With validation_failed: a message for each field that needs fixing." }),
    }),
  })
  .meta({ id: "Error" });

export type ApiError = z.input<typeof errorSchema>;
