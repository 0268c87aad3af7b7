import "server-only";
import { NextResponse } from "next/server";
import type { z } from "zod";
import { RESET_PROBLEM_EXPLANATIONS, type UnusableLinkReason } from "@/app/_lib/reset-link-status";
import type { ApiDialect, DoorProblem } from "../api-route";
import { JSON_BODY_LIMIT_BYTES } from "../json-body";
import type { ApiError, ErrorCode } from "./schemas";

/** A success body, typed by the schema the OpenAPI document publishes for it (a NextResponse, for cookies). */
export function respond<S extends z.ZodType>(_schema: S, body: z.output<S>, init: ResponseInit = {}): NextResponse {
  return NextResponse.json(body, init);
}

export function apiError(status: number, code: ErrorCode, message: string, extra: { fields?: Record<string, string>; headers?: HeadersInit } = {}): NextResponse {
  const body: ApiError = { error: { code, message, ...(extra.fields ? { fields: extra.fields } : {}) } };
  return NextResponse.json(body, { status, headers: extra.headers });
}

const DOOR_ERRORS: Record<DoorProblem["kind"], { code: ErrorCode; message: (problem: DoorProblem) => string }> = {
  validation: { code: "validation_failed", message: () => "Some fields need fixing; see `fields`." },
  "malformed-json": { code: "malformed_json", message: () => "The request body isn't valid JSON." },
  "unsupported-media-type": {
    code: "unsupported_media_type",
    message: () => "Send the body as JSON, with Content-Type: application/json.",
  },
  "too-large": { code: "payload_too_large", message: () => `The request body is larger than this API accepts (${JSON_BODY_LIMIT_BYTES / 1024} KiB).` },
  "method-not-allowed": {
    code: "method_not_allowed",
    message: (problem) => `This endpoint accepts ${problem.kind === "method-not-allowed" ? problem.allowed.join(", ") : "other methods"}.`,
  },
  "origin-not-allowed": { code: "origin_not_allowed", message: () => "This site isn't allowed to call the API from a browser." },
  "not-found": { code: "not_found", message: () => "There is no such endpoint." },
  internal: { code: "internal_error", message: () => "Something went wrong on our side. Please try again in a moment." },
};

/** The native API's errors: `{ "error": { "code", "message", "fields"? } }`. */
export const v1Dialect: ApiDialect = {
  problem(problem, status) {
    const { code, message } = DOOR_ERRORS[problem.kind];
    return apiError(status, code, message(problem), problem.kind === "validation" ? { fields: problem.fields } : {});
  },
};

const LINK_ERRORS: Record<UnusableLinkReason, { status: number; code: ErrorCode }> = {
  // 401: what was presented proves nothing. 410: it was real, and is no longer usable.
  invalid: { status: 401, code: "invalid_reset_credentials" },
  expired: { status: 410, code: "reset_link_expired" },
  used: { status: 410, code: "reset_link_used" },
  superseded: { status: 410, code: "reset_link_superseded" },
};

/** Why a link, grant or code can't be used, with the same words the reset page shows. */
export function unusableLinkError(reason: UnusableLinkReason): NextResponse {
  const { status, code } = LINK_ERRORS[reason];
  const { title, body } = RESET_PROBLEM_EXPLANATIONS[reason];
  return apiError(status, code, `${title}. ${body}`);
}

export function wrongCodeError(): Response {
  return apiError(
    401,
    "invalid_reset_credentials",
    "That code isn't right, or it has expired. Check the latest email, or ask for a new one.",
  );
}

export function rateLimitedError(retryAfterSeconds: number): Response {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return apiError(429, "rate_limited", `Too many attempts. Please try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`, {
    headers: { "Retry-After": String(retryAfterSeconds) },
  });
}
