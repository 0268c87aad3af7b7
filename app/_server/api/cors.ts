import "server-only";
import { getConfig } from "../env";

/**
 * Cross-origin access to the JSON APIs, for headless front ends on their own origin. Only origins listed in
 * CORS_ORIGINS are let in, each named exactly (never `*`), with credentials: a browser front end on the same site
 * (shop.example.com calling api.example.com, or localhost on another port) can keep its reset grant in the API's
 * HttpOnly, SameSite=Strict cookie. A request from any other origin is refused before it reaches the core.
 * Requests without an Origin header (native apps, servers, curl) are not CORS requests and pass.
 */
const PREFLIGHT_MAX_AGE_SECONDS = 600;
/** Headers cross-origin scripts may read: Retry-After on a 429 is not among the ones browsers expose by default. */
const EXPOSED_HEADERS = "Retry-After";
/** Every answer depends on the Origin header, so caches must keep them apart. */
const VARY = { Vary: "Origin" };

export type CorsDecision = { allowed: true; headers: Record<string, string> } | { allowed: false; headers: Record<string, string> };

export function corsFor(request: Request): CorsDecision {
  const origin = request.headers.get("origin");
  if (origin === null) return { allowed: true, headers: VARY };
  if (getConfig().headless.corsOrigins.includes(origin)) {
    return {
      allowed: true,
      headers: {
        ...VARY,
        "Access-Control-Allow-Origin": origin,
        "Access-Control-Allow-Credentials": "true",
        "Access-Control-Expose-Headers": EXPOSED_HEADERS,
      },
    };
  }
  // The store's own pages: the API's own origin (as the request reached it) or the shop's public one.
  if (origin === getConfig().appUrl || origin === new URL(request.url).origin) return { allowed: true, headers: VARY };
  return { allowed: false, headers: VARY };
}

/**
 * The answer to a preflight from an allowed origin: its methods, and the request headers it asked for (an allowed
 * origin may send any: SDKs add their own, such as Medusa's x-publishable-api-key).
 */
export function preflightHeaders(request: Request, allowedMethods: string[]): Record<string, string> {
  const requested = request.headers.get("access-control-request-headers");
  return {
    "Access-Control-Allow-Methods": allowedMethods.join(", "),
    "Access-Control-Allow-Headers": requested && /^[\w\s,-]{1,1024}$/.test(requested) ? requested : "Content-Type, Authorization",
    "Access-Control-Max-Age": String(PREFLIGHT_MAX_AGE_SECONDS),
  };
}
