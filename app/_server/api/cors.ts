import "server-only";
import { getConfig } from "../env";

/**
 * Cross-origin access to the JSON APIs, for headless front ends on their own origin. Only origins listed in
 * CORS_ORIGINS are let in, each named exactly (never `*`), with credentials, because a browser front end keeps its
 * reset grant in an HttpOnly cookie. A request from any other origin is refused before it reaches the core.
 * Requests without an Origin header (native apps, servers, curl) are not CORS requests and pass.
 */
const ALLOWED_HEADERS = "Content-Type, Authorization, Idempotency-Key";
const PREFLIGHT_MAX_AGE_SECONDS = 600;

export type CorsDecision = { allowed: true; headers: Record<string, string> } | { allowed: false };

export function corsFor(request: Request): CorsDecision {
  const origin = request.headers.get("origin");
  // Every answer depends on the Origin header, so caches must keep them apart.
  const vary = { Vary: "Origin" };
  if (origin === null) return { allowed: true, headers: vary };
  // The store's own pages (served from APP_URL) need no CORS headers.
  if (origin === getConfig().appUrl) return { allowed: true, headers: vary };
  if (!getConfig().headless.corsOrigins.includes(origin)) return { allowed: false };
  return {
    allowed: true,
    headers: { ...vary, "Access-Control-Allow-Origin": origin, "Access-Control-Allow-Credentials": "true" },
  };
}

/** The answer to a preflight (OPTIONS) from an allowed origin: which methods and headers it may send. */
export function preflightHeaders(allowedMethods: string[]): Record<string, string> {
  return {
    "Access-Control-Allow-Methods": allowedMethods.join(", "),
    "Access-Control-Allow-Headers": ALLOWED_HEADERS,
    "Access-Control-Max-Age": String(PREFLIGHT_MAX_AGE_SECONDS),
  };
}
