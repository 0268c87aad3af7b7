import "server-only";
import { type NextRequest, NextResponse } from "next/server";
import { match } from "path-to-regexp";
import type { z } from "zod";
import { createTranslator } from "next-intl";
import { formatDuration } from "@/app/_lib/format";
import { RESET_GRANT_TTL_MINUTES, type UnusableLinkReason } from "@/app/_lib/reset-link-status";
import type { Locale } from "@/i18n/locales.mjs";
import { MESSAGES } from "@/messages";
import { type RequestOrigin, requestOriginFrom } from "../client-address";
import { type AppConfig, getConfig } from "../env";
import { describeError, log } from "../log";
import { apiLocale, problemDescriber } from "../shopper-language";
import { corsFor, preflightHeaders } from "./cors";
import { JSON_BODY_LIMIT_BYTES, readJsonBody } from "./json-body";

/**
 * The door every JSON API surface goes through: the native /api/v1 and the Magento, Medusa and Commerce Engine
 * facades. A surface is a table of operations, `{ method, path, body, handle, map }`, and a dialect (how its
 * errors look). Everything else is done here, once, for all of them: CORS, matching the path and method (405 with
 * Allow, 404), the content type, the body size, JSON parsing, validation, the answers every surface gives alike
 * (429 with Retry-After, a refused password, a dead link or code), and turning anything unexpected into a logged
 * 500 that says nothing.
 */
export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
const METHODS: Method[] = ["GET", "POST", "PUT", "PATCH", "DELETE"];

export type ApiProblem =
  | { kind: "validation"; fields: Record<string, string> }
  | { kind: "malformed-json" }
  | { kind: "unsupported-media-type" }
  | { kind: "too-large" }
  | { kind: "method-not-allowed"; allowed: Method[] }
  | { kind: "origin-not-allowed" }
  | { kind: "not-found" }
  | { kind: "unauthorized" }
  | { kind: "rate-limited"; retryAfterSeconds: number }
  | { kind: "password-rejected"; problem: string }
  /** The link, grant, token or code presented can't be used, or nothing was presented. */
  | { kind: "unusable-proof"; reason: UnusableLinkReason | "wrong-code" | "proof-missing" }
  | { kind: "internal" };

const PROBLEM_STATUS: Record<ApiProblem["kind"], number> = {
  validation: 400,
  "malformed-json": 400,
  "unsupported-media-type": 415,
  "too-large": 413,
  "method-not-allowed": 405,
  "origin-not-allowed": 403,
  "not-found": 404,
  unauthorized: 401,
  "rate-limited": 429,
  "password-rejected": 400,
  "unusable-proof": 401,
  internal: 500,
};

/**
 * How a surface writes an error, given the status the door chose (a surface may answer with another) and the
 * language to word it in.
 */
export type ApiDialect = { problem(problem: ApiProblem, status: number, locale: Locale): NextResponse };

/** What the core answered: a status, and whatever goes with it. */
type Outcome = { status: string };
type OutcomeMap<O extends Outcome, I> = { [S in O["status"]]?: (outcome: Extract<O, { status: S }>, input: I) => NextResponse };

export type OperationInput<Body, Params, Credential> = {
  body: Body;
  params: Params;
  /** The parsed Authorization header, for operations that declare one. */
  credential: Credential;
  request: NextRequest;
  origin: RequestOrigin;
  /** The request's language (Accept-Language): what the emails it causes speak. */
  locale: Locale;
  /** The response for an outcome: `map`'s, or the dialect's for the answers every surface shares. */
  answer: (outcome: Outcome) => NextResponse;
};

export type ApiOperation<Body = unknown, Params = unknown, Credential = unknown, O extends Outcome = Outcome> = {
  method: Method;
  /** The public path (path-to-regexp syntax, case-sensitive); a function when configuration decides it. */
  path: string | ((config: AppConfig) => string);
  /** The JSON body. Without it, no body is read. */
  body?: z.ZodType<Body>;
  /** The path's parameters. */
  params?: z.ZodType<Params>;
  /** The Authorization header; when it doesn't parse, the answer is the dialect's `unauthorized`. */
  credential?: z.ZodType<Credential>;
  handle(input: OperationInput<Body, Params, Credential>): Promise<O | Response>;
  /** This surface's responses for the outcomes it answers in its own way (its successes, mostly). */
  map?: OutcomeMap<O, OperationInput<Body, Params, Credential>>;
};

/** Declares an operation with its types checked, for a surface's table (which holds operations of many types). */
export function operation<Body = undefined, Params = undefined, Credential = undefined, O extends Outcome = Outcome>(
  definition: ApiOperation<Body, Params, Credential, O>,
): ApiOperation {
  return definition as unknown as ApiOperation;
}

export type ApiSurface = {
  dialect: ApiDialect;
  /**
   * The language of its messages when it isn't the request's: Magento's clients expect Magento's English words, and
   * some match on them. (The emails a request causes still speak the request's language.)
   */
  messagesLocale?: Locale;
  /** A switched-off surface answers a plain 404 to everything. */
  enabled: (config: AppConfig) => boolean;
  operations: readonly ApiOperation[];
};

/**
 * What each problem means, in `locale`, in words a client's developer (or the shopper, where they see it) can act on.
 * Every surface but Magento, which keeps Magento's own words, says it this way, in its own error shape.
 */
export function problemMessage(problem: ApiProblem, locale: Locale): string {
  const t = createTranslator({ locale, messages: MESSAGES[locale], namespace: "api" });
  switch (problem.kind) {
    case "validation":
      return describeFields(problem.fields);
    case "malformed-json":
      return t("malformedJson");
    case "unsupported-media-type":
      return t("unsupportedMediaType");
    case "too-large":
      return t("tooLarge", { kib: JSON_BODY_LIMIT_BYTES / 1024 });
    case "method-not-allowed":
      return t("methodNotAllowed", { methods: problem.allowed.join(", ") });
    case "origin-not-allowed":
      return t("originNotAllowed");
    case "not-found":
      return t("notFound");
    case "unauthorized":
      return t("unauthorized");
    case "rate-limited":
      return t("rateLimited", { duration: formatDuration(locale, Math.max(1, Math.ceil(problem.retryAfterSeconds / 60))) });
    case "password-rejected":
      return problemDescriber(locale)(problem.problem);
    case "unusable-proof": {
      const recovery = createTranslator({ locale, messages: MESSAGES[locale], namespace: "recovery" });
      if (problem.reason === "wrong-code") return recovery("wrongCode");
      if (problem.reason === "proof-missing") return t("proofMissing");
      const grantDuration = formatDuration(locale, RESET_GRANT_TTL_MINUTES);
      return `${recovery(`linkProblems.${problem.reason}.title`)}. ${recovery(`linkProblems.${problem.reason}.body`, { grantDuration })}`;
    }
    case "internal":
      return t("internal");
  }
}

/** Validation problems in one line, "field: message; …", for dialects whose errors have a single message. */
function describeFields(fields: Record<string, string>): string {
  return Object.entries(fields)
    .map(([field, message]) => `${field}: ${message}`)
    .join("; ");
}

const API_FIELD_PROBLEMS = new Set(Object.keys(MESSAGES.en.api.fields));

/**
 * The first message for each field, in `locale`, keyed by its path ("newPassword", "customer.email"), or "body" for the
 * whole. A field problem is a code: the forms' own (messages' problems) or the API's (api.fields: tokens, grants, which
 * proof); anything else, such as Magento's own words, is shown as it is.
 */
export function fieldErrors(error: z.core.$ZodError, locale: Locale): Record<string, string> {
  const formProblem = problemDescriber(locale);
  const apiProblem = createTranslator({ locale, messages: MESSAGES[locale], namespace: "api.fields" });
  const describe = (code: string) => (API_FIELD_PROBLEMS.has(code) ? apiProblem(code as keyof (typeof MESSAGES)["en"]["api"]["fields"]) : formProblem(code));
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.path.length > 0 ? issue.path.map(String).join(".") : "body";
    fields[field] ??= describe(issue.message);
  }
  return fields;
}

/** What the core answered, as the problem every surface maps alike; null for an outcome only `map` can answer. */
function problemFor(outcome: Outcome, locale: Locale): ApiProblem | null {
  switch (outcome.status) {
    case "rate-limited":
      return { kind: "rate-limited", retryAfterSeconds: (outcome as Outcome & { retryAfterSeconds: number }).retryAfterSeconds };
    case "password-rejected":
      return { kind: "password-rejected", problem: (outcome as Outcome & { problem: string }).problem };
    case "invalid":
    case "expired":
    case "used":
    case "superseded":
    case "wrong-code":
    case "proof-missing":
      return { kind: "unusable-proof", reason: outcome.status };
    case "proof-ambiguous":
      return { kind: "validation", fields: { body: createTranslator({ locale, messages: MESSAGES[locale], namespace: "api" })("proofAmbiguous") } };
    case "email-missing":
      return { kind: "validation", fields: { email: problemDescriber(locale)("emailMissing") } };
    default:
      return null;
  }
}

const compiledPaths = new Map<string, ReturnType<typeof match>>();

function matchPath(pattern: string, path: string): Record<string, string> | null {
  let matcher = compiledPaths.get(pattern);
  if (!matcher) {
    matcher = match(pattern, { decode: (value) => value, sensitive: true });
    compiledPaths.set(pattern, matcher);
  }
  const found = matcher(path);
  return found ? ({ ...found.params } as Record<string, string>) : null;
}

type Located = { surface: ApiSurface | undefined; path: string };

/**
 * A route module's exports (every method, and OPTIONS for CORS preflights) serving API surfaces from their tables.
 * `locate` says, from the route's params, which surface is asked for and the public path it was asked at.
 */
export function apiRoutes<P>(locate: (params: P) => Located, fallbackDialect: ApiDialect) {
  const serve = async (request: NextRequest, context: { params: Promise<P> }): Promise<Response> => {
    const { surface, path } = locate(await context.params);
    const dialect = surface?.dialect ?? fallbackDialect;
    const locale = apiLocale(request);
    const wordsLocale = surface?.messagesLocale ?? locale;
    const cors = corsFor(request);
    const respond = (response: Response) => withHeaders(response, cors.headers, wordsLocale);
    const problem = (p: ApiProblem) => respond(problemResponse(dialect, p, wordsLocale));
    try {
      const config = getConfig();
      if (!surface || !surface.enabled(config)) return problem({ kind: "not-found" });
      if (!cors.allowed) return problem({ kind: "origin-not-allowed" });

      const atPath = surface.operations.flatMap((op) => {
        const params = matchPath(typeof op.path === "string" ? op.path : op.path(config), path);
        return params ? [{ op, params }] : [];
      });
      if (atPath.length === 0) return problem({ kind: "not-found" });
      const allowed = atPath.map(({ op }) => op.method);
      if (request.method === "OPTIONS") {
        const methods = [...allowed, "OPTIONS"];
        return respond(new NextResponse(null, { status: 204, headers: { ...preflightHeaders(request, methods), Allow: methods.join(", ") } }));
      }
      const found = atPath.find(({ op }) => op.method === request.method);
      if (!found) return problem({ kind: "method-not-allowed", allowed });
      const { op } = found;

      const params = op.params ? op.params.safeParse(found.params) : { success: true as const, data: undefined };
      if (!params.success) return problem({ kind: "validation", fields: fieldErrors(params.error, wordsLocale) });
      const credential = op.credential ? op.credential.safeParse(request.headers.get("authorization") ?? "") : { success: true as const, data: undefined };
      if (!credential.success) return problem({ kind: "unauthorized" });
      let body: unknown;
      if (op.body) {
        const read = await readJsonBody(request);
        if (!read.ok) return problem({ kind: read.problem === "malformed" ? "malformed-json" : read.problem });
        const parsed = op.body.safeParse(read.value);
        if (!parsed.success) return problem({ kind: "validation", fields: fieldErrors(parsed.error, wordsLocale) });
        body = parsed.data;
      }

      const input: OperationInput<unknown, unknown, unknown> = {
        body,
        params: params.data,
        credential: credential.data,
        request,
        origin: requestOriginFrom(request.headers),
        locale,
        answer: (outcome) => answerFor(dialect, op, outcome, input, wordsLocale),
      };
      const outcome = await op.handle(input);
      return respond(outcome instanceof Response ? outcome : input.answer(outcome));
    } catch (error) {
      // Anything thrown is a bug or an outage. The log gets the cause (never the body, which may hold a password or
      // a token); the client gets a plain 500.
      log.error({ event: "api.unhandled_error", method: request.method, error: describeError(error) }, "JSON API handler failed");
      return problem({ kind: "internal" });
    }
  };

  const route = { OPTIONS: serve } as Record<Method | "OPTIONS", typeof serve>;
  for (const method of METHODS) route[method] = serve;
  return route;
}

function answerFor(dialect: ApiDialect, op: ApiOperation, outcome: Outcome, input: OperationInput<unknown, unknown, unknown>, locale: Locale): NextResponse {
  const mapped = (op.map as Record<string, ((o: Outcome, i: typeof input) => NextResponse) | undefined> | undefined)?.[outcome.status];
  if (mapped) return mapped(outcome, input);
  const problem = problemFor(outcome, locale);
  if (problem) return problemResponse(dialect, problem, locale);
  throw new Error(`no answer for the outcome "${outcome.status}"`);
}

/** The dialect's words for a problem, with the headers that go with it on every surface. */
function problemResponse(dialect: ApiDialect, problem: ApiProblem, locale: Locale): NextResponse {
  const response = dialect.problem(problem, PROBLEM_STATUS[problem.kind], locale);
  if (problem.kind === "rate-limited") response.headers.set("Retry-After", String(problem.retryAfterSeconds));
  if (problem.kind === "method-not-allowed") response.headers.set("Allow", [...problem.allowed, "OPTIONS"].join(", "));
  return response;
}

/**
 * Adds CORS headers, says which language the answer's words are in (chosen from Accept-Language), and marks every
 * API answer as not for caching unless it says otherwise.
 */
function withHeaders(response: Response, headers: Record<string, string>, locale: Locale): Response {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  response.headers.set("Content-Language", locale);
  response.headers.append("Vary", "Accept-Language");
  if (!response.headers.has("Cache-Control")) response.headers.set("Cache-Control", "no-store");
  return response;
}
