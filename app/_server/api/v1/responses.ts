import "server-only";
import { NextResponse } from "next/server";
import type { z } from "zod";
import { RESET_PROBLEM_EXPLANATIONS, type UnusableLinkReason } from "@/app/_lib/reset-link-status";
import { type ApiDialect, type DoorProblem, doorProblemMessage } from "../api-route";
import type { ApiError, ErrorCode } from "./schemas";

/** A success body, typed by the schema the OpenAPI document publishes for it (a NextResponse, for cookies). */
export function respond<S extends z.ZodType>(_schema: S, body: z.output<S>, init: ResponseInit = {}): NextResponse {
  return NextResponse.json(body, init);
}

export function apiError(status: number, code: ErrorCode, message: string, extra: { fields?: Record<string, string>; headers?: HeadersInit } = {}): NextResponse {
  const body: ApiError = { error: { code, message, ...(extra.fields ? { fields: extra.fields } : {}) } };
  return NextResponse.json(body, { status, headers: extra.headers });
}

/** The code for each problem the door finds; the Commerce Engine facade answers with the same codes. */
export const DOOR_ERROR_CODES: Record<DoorProblem["kind"], ErrorCode> = {
  validation: "validation_failed",
  "malformed-json": "malformed_json",
  "unsupported-media-type": "unsupported_media_type",
  "too-large": "payload_too_large",
  "method-not-allowed": "method_not_allowed",
  "origin-not-allowed": "origin_not_allowed",
  "not-found": "not_found",
  internal: "internal_error",
};

const FIELDS_NEED_FIXING = "Some fields need fixing; see `fields`.";

/** The native API's errors: `{ "error": { "code", "message", "fields"? } }`. */
export const v1Dialect: ApiDialect = {
  problem(problem, status) {
    const code = DOOR_ERROR_CODES[problem.kind];
    if (problem.kind === "validation") return apiError(status, code, FIELDS_NEED_FIXING, { fields: problem.fields });
    return apiError(status, code, doorProblemMessage(problem));
  },
};

/** A 400 for fields the core refused after validation passed (a password the policy turns down). */
export function fieldProblem(fields: Record<string, string>): NextResponse {
  return apiError(400, "validation_failed", FIELDS_NEED_FIXING, { fields });
}

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
