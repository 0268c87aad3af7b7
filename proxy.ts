import { type NextRequest, NextResponse } from "next/server";
import { readFileSync } from "node:fs";
import { createTranslator } from "next-intl";
import { type InlineHashes, pageContentSecurityPolicy, STANDALONE_PAGE_CSP } from "./app/_lib/content-security-policy";
import { PASSWORD_MAX_LENGTH } from "./app/_lib/field-rules";
import { standalonePage } from "./app/_lib/standalone-page";
import { DEFAULT_LOCALE, splitLocalePrefix } from "./i18n/locales.mjs";
import { MESSAGES } from "./messages";

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

/** APP_URL's origin, which every form on these pages posts from; null outside production without one. */
const appOrigin = process.env.APP_URL && URL.canParse(process.env.APP_URL) ? new URL(process.env.APP_URL).origin : null;

export function proxy(request: NextRequest) {
  if (request.method === "POST") {
    const refusal = refuseCrossSitePost(request) ?? refuseOversizedBody(request);
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

/**
 * A form post from another site. Next refuses a server action whose Origin isn't this host too, but with a 500 and
 * a stack trace in the log; this says plainly what happened, as a 403. (server.mjs has already made Host and
 * X-Forwarded-Host APP_URL's, so what a client writes there changes nothing.) A post without an Origin is left to
 * Next, as every browser that submits a form sends one.
 */
function refuseCrossSitePost(request: NextRequest): NextResponse | null {
  const origin = request.headers.get("origin");
  if (!production || !appOrigin || origin === null || origin === appOrigin) return null;
  const { locale, t } = pageWords(request);
  return standaloneAnswer(403, {
    lang: locale,
    title: t("crossSite.title"),
    paragraphs: [t("crossSite.body")],
    links: [{ href: request.nextUrl.pathname, label: t("crossSite.retry") }],
  }, request);
}

/** The words of the page a refused post was sent to, in its language (from its path: /de/login is German). */
function pageWords(request: NextRequest) {
  const locale = splitLocalePrefix(request.nextUrl.pathname).locale ?? DEFAULT_LOCALE;
  return { locale, t: createTranslator({ locale, messages: MESSAGES[locale], namespace: "shop.refused" }) };
}

function standaloneAnswer(status: number, page: Parameters<typeof standalonePage>[0], request: NextRequest): NextResponse {
  if (request.headers.has("next-action")) {
    return new NextResponse(page.paragraphs.join(" "), { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Content-Language": page.lang } });
  }
  return new NextResponse(standalonePage(page), {
    status,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Language": page.lang,
      "Cache-Control": "no-store",
      "Content-Security-Policy": STANDALONE_PAGE_CSP,
    },
  });
}

function refuseOversizedBody(request: NextRequest): NextResponse | null {
  const declaredLength = Number(request.headers.get("content-length") ?? Number.NaN);
  if (Number.isInteger(declaredLength) && declaredLength <= FORM_BODY_LIMIT_BYTES) return null;
  // Browsers always send a Content-Length with a form; a streamed body of unknown size is refused too (411).
  const status = Number.isInteger(declaredLength) ? 413 : 411;
  const { locale, t } = pageWords(request);
  return standaloneAnswer(status, {
    lang: locale,
    title: t("tooLarge.title"),
    paragraphs: [t("tooLarge.body", { max: PASSWORD_MAX_LENGTH })],
    links: [{ href: request.nextUrl.pathname, label: t("tooLarge.retry") }],
  }, request);
}

export const config = {
  matcher: [
    {
      // Pages rendered per request and form posts. Not static files, the favicon, the 429 page and the dev mailbox's
      // framed messages, each of which sets its own policy; nor the JSON APIs, which set their own limits and errors
      // and would pay about 2 ms of proxy per request (docs/BENCHMARKS.md); nor the prerendered pages, in English
      // (unprefixed) or under /de and /fr. Next needs this literal; app/_lib/api-mounts.test.ts checks it against the
      // list of API paths and the languages, and e2e/links-and-headers.http.spec.ts against the pages the build
      // prerendered. /reset-password has its own entries below.
      source:
        "/((?!_next/static|_next/image|favicon\\.svg|dev/mailbox/(?:previews/[^/]+/)?[^/]+/html|api/|rest/|auth/customer/emailpass/|.*/auth/(?:forgot|reset)-password$|(?:(?:de|fr)/)?too-many-attempts|(?:(?:de|fr)(?:/|$))?(?:$|login$|login/(?:password-reset|signed-out|account-created|already-registered|email-changed)$|register$|register/sent$|register/code$|forgot-password$|forgot-password/sent$|reset-password$|reset-password/code$)).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
    {
      // /reset-password, the page that renders per request, but not the emailed link (?token=…&email=…): that is a
      // bare 303 from app/[locale]/reset-password/open/route.ts, and without the proxy it costs about 40% less CPU.
      source: "/reset-password",
      missing: [
        { type: "query", key: "token" },
        { type: "query", key: "email" },
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
    {
      // The same, in the other languages.
      source: "/:locale(de|fr)/reset-password",
      missing: [
        { type: "query", key: "token" },
        { type: "query", key: "email" },
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
    {
      // Every request that can carry a body (HTTP/1.1 frames one only with Content-Length or Transfer-Encoding), to
      // any page, whatever it says about prefetching: the prerendered pages' form posts, /reset-password whatever
      // its query, posts marked as prefetches, which the entries above let by, and the language switcher's. So the
      // body limit and the policy apply to each of them. The same path exclusions as the first entry, but for the
      // prerendered pages.
      source:
        "/((?!_next/static|_next/image|favicon\\.svg|dev/mailbox/(?:previews/[^/]+/)?[^/]+/html|api/|rest/|auth/customer/emailpass/|.*/auth/(?:forgot|reset)-password$|(?:(?:de|fr)/)?too-many-attempts).*)",
      has: [{ type: "header", key: "content-length" }],
    },
    {
      source:
        "/((?!_next/static|_next/image|favicon\\.svg|dev/mailbox/(?:previews/[^/]+/)?[^/]+/html|api/|rest/|auth/customer/emailpass/|.*/auth/(?:forgot|reset)-password$|(?:(?:de|fr)/)?too-many-attempts).*)",
      has: [{ type: "header", key: "transfer-encoding" }],
    },
  ],
};
