import { type NextRequest, NextResponse } from "next/server";
import { readFileSync } from "node:fs";
import { type InlineHashes, pageContentSecurityPolicy, STANDALONE_PAGE_CSP } from "./app/_lib/content-security-policy";
import { PASSWORD_MAX_LENGTH } from "./app/_lib/field-rules";
import { standalonePage } from "./app/_lib/standalone-page";

/**
 * Runs before every page rendered per request, and every form submission:
 * - gives the response a Content-Security-Policy with a fresh nonce (Next.js reads it from the request and puts it
 *   on its own scripts). Prerendered pages are served without it (server.mjs gives them their policy by hash): a
 *   pass through the proxy costs about 2 ms of CPU, more than serving such a page;
 * - refuses oversized form submissions with a clear page instead of the bare 500 Next.js answers when a
 *   server-action body exceeds its limit. Every form here is a few short fields; anything larger is refused before
 *   it is parsed, so a 1 MB "password" never reaches validation, let alone hashing.
 */
export const FORM_BODY_LIMIT_BYTES = 64 * 1024;
const production = process.env.NODE_ENV === "production";

/** The prerendered pages' inline hashes, from the build (scripts/static-page-csp.ts); none in development. */
let prerendered: InlineHashes | undefined;
function prerenderedHashes(): InlineHashes | undefined {
  if (!production) return undefined;
  prerendered ??= (JSON.parse(readFileSync(".next/static-page-csp.json", "utf8")) as { hashes: InlineHashes }).hashes;
  return prerendered;
}

export function proxy(request: NextRequest) {
  if (request.method === "POST") {
    const refusal = refuseOversizedBody(request);
    if (refusal) return refusal;
  }
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const policy = pageContentSecurityPolicy(nonce, { development: !production, prerendered: prerenderedHashes() });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
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
      // Pages rendered per request and form posts. Not static files, the favicon, the 429 page and the dev mailbox's
      // framed messages, each of which sets its own policy; nor the JSON APIs, which set their own limits and errors
      // and would pay about 2 ms of proxy per request (docs/BENCHMARKS.md); nor the prerendered pages. Next needs
      // this literal; app/_lib/api-mounts.test.ts checks it against the list of API paths, and
      // e2e/links-and-headers.http.spec.ts against the pages the build prerendered. /reset-password has its own
      // entry below.
      source:
        "/((?!_next/static|_next/image|favicon\\.svg|too-many-attempts|dev/mailbox/[^/]+/html|api/|rest/|auth/customer/emailpass/|.*/auth/(?:forgot|reset)-password$|$|login$|login/(?:password-reset|signed-out)$|register$|forgot-password$|forgot-password/sent$|reset-password$|reset-password/code$).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
    {
      // /reset-password, the page that renders per request, but not the emailed link (?token=…&email=…): that is a
      // bare 303 from app/(shop)/reset-password/open/route.ts, and without the proxy it costs about 40% less CPU.
      source: "/reset-password",
      missing: [
        { type: "query", key: "token" },
        { type: "query", key: "email" },
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
    {
      // Every form post to a page the entries above leave out: the prerendered pages (a browser sends a body, so a
      // Content-Type, only then), and /reset-password whatever its query says.
      source: "/:page(login|register|forgot-password|reset-password|reset-password/code)",
      has: [{ type: "header", key: "content-type" }],
    },
  ],
};
