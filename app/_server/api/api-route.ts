import "server-only";
import type { z } from "zod";
import { describeError, log } from "../log";
import { corsFor, preflightHeaders } from "./cors";
import { JSON_BODY_LIMIT_BYTES, readJsonBody } from "./json-body";

/**
 * The door every JSON API surface goes through (the native /api/v1 and the Magento, Medusa and Commerce Engine
 * facades). It does what no surface should do differently: CORS, the HTTP method, the content type, the body size,
 * JSON parsing, validation against the surface's zod schema, and turning anything unexpected into a logged 500 that
 * says nothing. A surface supplies its handlers and its "dialect": how its errors look.
 */
export type DoorProblem =
  | { kind: "validation"; fields: Record<string, string> }
  | { kind: "malformed-json" }
  | { kind: "unsupported-media-type" }
  | { kind: "too-large" }
  | { kind: "method-not-allowed"; allowed: string[] }
  | { kind: "origin-not-allowed" }
  | { kind: "not-found" }
  | { kind: "internal" };

export const DOOR_PROBLEM_STATUS: Record<DoorProblem["kind"], number> = {
  validation: 400,
  "malformed-json": 400,
  "unsupported-media-type": 415,
  "too-large": 413,
  "method-not-allowed": 405,
  "origin-not-allowed": 403,
  "not-found": 404,
  internal: 500,
};

/** What each problem means, in words a client's developer can act on. Every surface but Magento (which keeps
 * Magento's own words) says it this way, in its own error shape. */
export function doorProblemMessage(problem: DoorProblem): string {
  switch (problem.kind) {
    case "validation":
      return describeFields(problem.fields);
    case "malformed-json":
      return "The request body isn't valid JSON.";
    case "unsupported-media-type":
      return "Send the body as JSON, with Content-Type: application/json.";
    case "too-large":
      return `The request body is larger than this API accepts (${JSON_BODY_LIMIT_BYTES / 1024} KiB).`;
    case "method-not-allowed":
      return `This endpoint accepts ${problem.allowed.join(", ")}.`;
    case "origin-not-allowed":
      return "This site isn't allowed to call the API from a browser.";
    case "not-found":
      return "There is no such endpoint.";
    case "internal":
      return "Something went wrong on our side. Please try again in a moment.";
  }
}

/** How a surface writes an error. `status` is the HTTP status the door chose (a surface may keep or change it). */
export type ApiDialect = {
  problem(problem: DoorProblem, status: number): Response;
};

export type ParsedBody<S extends z.ZodType> = { ok: true; data: z.output<S> } | { ok: false; response: Response };

export type ApiContext = {
  /** Reads the JSON body and validates it; on failure, the response to return as it is. */
  parseBody<S extends z.ZodType>(schema: S): Promise<ParsedBody<S>>;
  /** Validates something other than the body (path segments, a header) with the same error handling. */
  parse<S extends z.ZodType>(schema: S, value: unknown): ParsedBody<S>;
  problem(problem: DoorProblem): Response;
};

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
type Handler<P> = (request: Request, context: ApiContext, params: P) => Promise<Response>;
type RouteContext<P> = { params: Promise<P> };

const ALL_METHODS: Method[] = ["GET", "POST", "PUT", "PATCH", "DELETE"];

/** Validation problems in one line, "field: message; …", for dialects whose errors have a single message. */
export function describeFields(fields: Record<string, string>): string {
  return Object.entries(fields)
    .map(([field, message]) => `${field}: ${message}`)
    .join("; ");
}

/** The first message for each field, keyed by its path ("newPassword", "customer.email"), or "body" for the whole. */
export function fieldErrors(error: z.core.$ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.path.length > 0 ? issue.path.map(String).join(".") : "body";
    fields[field] ??= issue.message;
  }
  return fields;
}

/**
 * A route module's exports: one function per HTTP method, so that methods the surface doesn't serve get a 405 in
 * its own error shape (with Allow) instead of Next's empty one, and OPTIONS answers CORS preflights.
 * `enabled` (a compatibility API that is switched off) makes every method, OPTIONS included, a plain 404.
 */
export function apiRoute<P = Record<string, never>>(
  dialect: ApiDialect,
  handlers: Partial<Record<Method, Handler<P>>>,
  options: { enabled?: (params: P) => boolean } = {},
) {
  const allowed = Object.keys(handlers) as Method[];
  const allowHeader = [...allowed, "OPTIONS"].join(", ");
  const enabled = options.enabled ?? (() => true);
  const problem = (p: DoorProblem) => {
    const response = dialect.problem(p, DOOR_PROBLEM_STATUS[p.kind]);
    if (p.kind === "method-not-allowed") response.headers.set("Allow", [...p.allowed, "OPTIONS"].join(", "));
    return response;
  };

  const respond = async (request: Request, routeContext: RouteContext<P> | undefined, method: Method): Promise<Response> => {
    const cors = corsFor(request);
    const params = (await routeContext?.params) ?? ({} as P);
    if (!enabled(params)) return withHeaders(problem({ kind: "not-found" }), cors.headers);
    if (!cors.allowed) return withHeaders(problem({ kind: "origin-not-allowed" }), cors.headers);
    const handler = handlers[method];
    if (!handler) return withHeaders(problem({ kind: "method-not-allowed", allowed }), cors.headers);
    const parse = <S extends z.ZodType>(schema: S, value: unknown): ParsedBody<S> => {
      const result = schema.safeParse(value);
      if (result.success) return { ok: true, data: result.data };
      return { ok: false, response: problem({ kind: "validation", fields: fieldErrors(result.error) }) };
    };
    const context: ApiContext = {
      problem,
      parse,
      async parseBody(schema) {
        const body = await readJsonBody(request);
        if (!body.ok) return { ok: false, response: problem({ kind: body.problem === "malformed" ? "malformed-json" : body.problem }) };
        return parse(schema, body.value);
      },
    };
    try {
      return withHeaders(await handler(request, context, params), cors.headers);
    } catch (error) {
      // Next's redirect()/notFound() are not used here; anything thrown is a bug or an outage. The log gets the
      // cause (never the body, which may hold a password or token); the client gets a plain 500.
      log.error({ event: "api.unhandled_error", method, error: describeError(error) }, "JSON API handler failed");
      return withHeaders(problem({ kind: "internal" }), cors.headers);
    }
  };

  const route = {} as Record<Method | "OPTIONS", (request: Request, context: RouteContext<P>) => Promise<Response>>;
  for (const method of ALL_METHODS) route[method] = (request, context) => respond(request, context, method);
  route.OPTIONS = async (request, routeContext) => {
    const cors = corsFor(request);
    if (!enabled((await routeContext?.params) ?? ({} as P))) return withHeaders(problem({ kind: "not-found" }), cors.headers);
    if (!cors.allowed) return withHeaders(problem({ kind: "origin-not-allowed" }), cors.headers);
    return withHeaders(new Response(null, { status: 204 }), { ...cors.headers, ...preflightHeaders(request, [...allowed, "OPTIONS"]), Allow: allowHeader });
  };
  return route;
}

/** Adds headers to a response (CORS, Allow), and marks every API answer as not for caching. */
function withHeaders(response: Response, headers: Record<string, string>): Response {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  if (!response.headers.has("Cache-Control")) response.headers.set("Cache-Control", "no-store");
  return response;
}
