import "server-only";
import { createTranslator } from "next-intl";
import { MESSAGES } from "@/messages";
import { NextResponse } from "next/server";
import type { z } from "zod";
import { type ApiDialect, type ApiProblem, problemMessage } from "../api-route";
import type { ApiError, ErrorCode } from "./schemas";

/** A success body, typed by the schema the OpenAPI document publishes for it. */
export function respond<S extends z.ZodType>(_schema: S, body: z.output<S>, init: ResponseInit = {}): NextResponse {
  return NextResponse.json(body, init);
}

/** The stable code for each problem; the Commerce Engine facade answers with the same codes. */
export function problemCode(problem: ApiProblem): ErrorCode {
  switch (problem.kind) {
    case "validation":
    case "password-rejected":
      return "validation_failed";
    case "malformed-json":
      return "malformed_json";
    case "unsupported-media-type":
      return "unsupported_media_type";
    case "too-large":
      return "payload_too_large";
    case "method-not-allowed":
      return "method_not_allowed";
    case "origin-not-allowed":
      return "origin_not_allowed";
    case "not-found":
      return "not_found";
    case "rate-limited":
      return "rate_limited";
    case "unauthorized":
      return "invalid_reset_credentials";
    case "unusable-proof":
      if (problem.reason === "expired") return "reset_link_expired";
      if (problem.reason === "used") return "reset_link_used";
      if (problem.reason === "superseded") return "reset_link_superseded";
      return "invalid_reset_credentials";
    case "internal":
      return "internal_error";
  }
}


function apiError(status: number, code: ErrorCode, message: string, fields?: Record<string, string>): NextResponse {
  const body: ApiError = { error: { code, message, ...(fields ? { fields } : {}) } };
  return NextResponse.json(body, { status });
}

/**
 * The native API's errors: `{ "error": { "code", "message", "fields"? } }`. A link, grant or code that proves
 * nothing is a 401; one that was real and is no longer usable, a 410.
 */
export const v1Dialect: ApiDialect = {
  problem(problem, status, locale) {
    const code = problemCode(problem);
    const fieldsNeedFixing = () => createTranslator({ locale, messages: MESSAGES[locale], namespace: "api" })("fieldsNeedFixing");
    if (problem.kind === "validation") return apiError(status, code, fieldsNeedFixing(), problem.fields);
    if (problem.kind === "password-rejected") return apiError(status, code, fieldsNeedFixing(), { newPassword: problemMessage(problem, locale) });
    const gone = problem.kind === "unusable-proof" && code !== "invalid_reset_credentials";
    return apiError(gone ? 410 : status, code, problemMessage(problem, locale));
  },
};
