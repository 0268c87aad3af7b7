import { type NextRequest, NextResponse } from "next/server";
import {
  pageContentSecurityPolicy,
  STANDALONE_PAGE_CSP,
  STRICT_TRANSPORT_SECURITY,
} from "./app/_lib/content-security-policy";
import { PASSWORD_MAX_LENGTH } from "./app/_lib/field-rules";
import { standalonePage } from "./app/_lib/standalone-page";

/**
 * Runs before every page and form submission:
 * - gives the response a Content-Security-Policy with a fresh nonce (Next.js reads it from the request and puts it
 *   on its own scripts), and HSTS in production;
 * - refuses oversized form submissions with a clear page instead of the bare 500 Next.js answers when a
 *   server-action body exceeds its limit. Every form here is a few short fields; anything larger is refused before
 *   it is parsed, so a 1 MB "password" never reaches validation, let alone hashing.
 */
export const FORM_BODY_LIMIT_BYTES = 64 * 1024;
const production = process.env.NODE_ENV === "production";

export function proxy(request: NextRequest) {
  if (request.method === "POST") {
    const refusal = refuseOversizedBody(request);
    if (refusal) return refusal;
  }
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const policy = pageContentSecurityPolicy(nonce, { development: !production });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  if (production) response.headers.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
  return response;
}

function refuseOversizedBody(request: NextRequest): NextResponse | null {
  const declaredLength = Number(request.headers.get("content-length") ?? Number.NaN);
  if (Number.isInteger(declaredLength) && declaredLength <= FORM_BODY_LIMIT_BYTES) return null;
  // Browsers always send a Content-Length with a form; a streamed body of unknown size is refused too (411).
  const status = Number.isInteger(declaredLength) ? 413 : 411;
  if (request.headers.has("next-action")) {
    return new NextResponse("The submission was larger than this form accepts.", {
      status,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  const page = standalonePage({
    title: "That was too much to send",
    paragraphs: [
      `What you entered was longer than this form accepts, so nothing was saved. Passwords can be up to ${PASSWORD_MAX_LENGTH} characters.`,
    ],
    links: [{ href: request.nextUrl.pathname, label: "Go back and try again" }],
  });
  return new NextResponse(page, {
    status,
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store", "Content-Security-Policy": STANDALONE_PAGE_CSP },
  });
}

export const config = {
  matcher: [
    {
      // Pages and form posts. Not static files, the favicon, the 429 page and the dev mailbox's framed messages, each of
      // which sets its own policy, nor the JSON APIs, which set their own limits and errors and would pay about 2 ms
      // of proxy per request (docs/BENCHMARKS.md). Next needs this literal; app/_lib/api-mounts.test.ts checks that
      // it leaves out every API path listed in app/_lib/api-mounts.ts, and nothing else.
      source:
        "/((?!_next/static|_next/image|favicon\\.svg|too-many-attempts|dev/mailbox/[^/]+/html|api/|rest/|auth/customer/emailpass/|.*/auth/(?:forgot|reset)-password$).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
