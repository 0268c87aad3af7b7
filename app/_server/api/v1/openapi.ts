import "server-only";
import type { z } from "zod";
import { createDocument } from "zod-openapi";
import { formatDuration } from "@/app/_lib/format";
import { RESET_GRANT_TTL_MINUTES } from "@/app/_lib/reset-link-status";
import { getConfig } from "../../env";
import { RESET_CODE_MAX_ATTEMPTS, RESET_CODE_TTL_MINUTES } from "../../recovery/reset-code";
import { JSON_BODY_LIMIT_BYTES } from "../json-body";
import {
  completeBodySchema,
  completedSchema,
  errorSchema,
  requestAcceptedSchema,
  requestBodySchema,
  verifiedSchema,
  verifyBodySchema,
} from "./schemas";

/**
 * The OpenAPI 3.1 document of the native API, generated from the zod schemas the handlers validate with and answer
 * in (./schemas.ts), so it can't drift from them. Served at /api/v1/openapi.json; /api/v1/docs renders it.
 */
const json = (schema: z.ZodType) => ({ "application/json": { schema } });
const error = (description: string) => ({ description, content: json(errorSchema) });

const commonErrors = {
  "400": error("`validation_failed` (with `fields`) or `malformed_json`."),
  "403": error("`origin_not_allowed`: a browser on an origin not listed in CORS_ORIGINS."),
  "405": error("`method_not_allowed`; the `Allow` header lists what is."),
  "413": error(`\`payload_too_large\`: bodies are limited to ${JSON_BODY_LIMIT_BYTES / 1024} KiB.`),
  "415": error("`unsupported_media_type`: send `Content-Type: application/json`."),
  "500": error("`internal_error`: nothing about the cause is disclosed; it is logged."),
};
const rateLimited = {
  description: "`rate_limited`: too many attempts from this client or for this link or code.",
  headers: { "Retry-After": { description: "Seconds until another attempt is allowed.", schema: { type: "integer" as const } } },
  content: json(errorSchema),
};

let cached: ReturnType<typeof createDocument> | undefined;

export function openApiDocument() {
  const {
    RESET_REQUEST_PER_EMAIL: perEmail,
    RESET_REQUEST_PER_ADDRESS_AND_EMAIL: perClientAndEmail,
    RESET_REQUEST_PER_ADDRESS: perClient,
  } = getConfig().rateLimits;
  cached ??= createDocument({
    openapi: "3.1.0",
    info: {
      title: `${getConfig().storeName} password recovery API`,
      version: "1.0.0",
      description:
        "Password recovery for headless storefronts: the same rules as the store's own pages (equal answers for every address, rate limits, single-use hashed tokens, notifications), as JSON. Browsers on other origins must be listed in CORS_ORIGINS.",
    },
    servers: [{ url: getConfig().appUrl }],
    tags: [{ name: "Password reset" }],
    paths: {
      "/api/v1/password-reset/request": {
        post: {
          tags: ["Password reset"],
          operationId: "requestPasswordReset",
          summary: "Email a reset link and code",
          description:
            `Always 202 with the same body for a well-formed address, whether or not it has an account and whether or not it is over its rate limit (${perClientAndEmail.points} per address from one client in ${formatDuration("en", perClientAndEmail.windowMinutes)}, ${perEmail.points} per address from all clients in ${formatDuration("en", perEmail.windowMinutes)}, and ${perClient.points} per client in ${formatDuration("en", perClient.windowMinutes)}); over a limit no email is sent.`,
          requestBody: { required: true, content: json(requestBodySchema) },
          responses: { "202": { description: "Accepted.", content: json(requestAcceptedSchema) }, ...commonErrors },
        },
      },
      "/api/v1/password-reset/verify": {
        post: {
          tags: ["Password reset"],
          operationId: "verifyPasswordReset",
          summary: "Check a link or code, and optionally exchange it for a grant",
          description:
            `With \`token\`: checks the emailed link without using it up (\`grant: none\`, the default), or exchanges it for a reset grant that lasts ${formatDuration("en", RESET_GRANT_TTL_MINUTES)}. With \`code\`: redeems the code (it works once, for ${formatDuration("en", RESET_CODE_TTL_MINUTES)} and ${RESET_CODE_MAX_ATTEMPTS} tries) for a grant. \`grant: cookie\` sets it as an HttpOnly, SameSite=Strict cookie scoped to /api/v1/password-reset; \`body\` returns it.`,
          requestBody: { required: true, content: json(verifyBodySchema) },
          responses: {
            "200": {
              description: "Valid. With `grant: cookie`, the response also sets the `reset_grant` cookie.",
              content: json(verifiedSchema),
            },
            "401": error("`invalid_reset_credentials`: the token, email or code doesn't match anything usable."),
            "410": error("`reset_link_expired`, `reset_link_used` or `reset_link_superseded`: the link was real and is dead."),
            "429": rateLimited,
            ...commonErrors,
          },
        },
      },
      "/api/v1/password-reset/complete": {
        post: {
          tags: ["Password reset"],
          operationId: "completePasswordReset",
          summary: "Set the new password",
          description:
            "Uses up the link. Of any number of concurrent completions exactly one succeeds. Other links die; with `signOutOtherSessions` (default true) every session ends. The shopper is emailed that the password changed, with a \"this wasn't me\" link. The API never signs anyone in: sign in with the new password.",
          requestBody: { required: true, content: json(completeBodySchema) },
          responses: {
            "200": { description: "The password is changed.", content: json(completedSchema) },
            "401": error("`invalid_reset_credentials`: no usable grant, token or code."),
            "410": error("`reset_link_expired`, `reset_link_used` or `reset_link_superseded`."),
            "429": rateLimited,
            ...commonErrors,
          },
        },
      },
    },
  });
  return cached;
}
