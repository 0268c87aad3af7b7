import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { facadeRewrites } from "./app/_lib/api-mounts";
import { STRICT_TRANSPORT_SECURITY } from "./app/_lib/content-security-policy";
import { PAGE_SETTING_VARIABLES } from "./app/_lib/page-setting-variables";
import { DEFAULT_LOCALE, LOCALES } from "./i18n/locales.mjs";
import { shopPageRewrites } from "./i18n/routing.mjs";

/** "de|fr": the languages whose pages are under a prefix; and "/:locale(de|fr)", that prefix as a parameter. */
const PREFIXES = LOCALES.filter((locale) => locale !== DEFAULT_LOCALE).join("|");
const PREFIXED = `/:locale(${PREFIXES})`;

/** A rewrite for the English page at `source` (unprefixed) and for each prefixed language's copy of it. */
function inEveryLanguage(rewrite: { source: string; has: { type: "query"; key: string; value?: string }[]; destination: string }) {
  return [
    { ...rewrite, destination: `/${DEFAULT_LOCALE}${rewrite.destination}` },
    { ...rewrite, source: `${PREFIXED}${rewrite.source}`, destination: `/:locale${rewrite.destination}` },
  ];
}

// Sent with every response. The Content-Security-Policy is set by proxy.ts (with a nonce, for pages rendered per
// request) and by server.mjs (by hash, for prerendered ones).
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
  ...(process.env.NODE_ENV === "production" ? [{ key: "Strict-Transport-Security", value: STRICT_TRANSPORT_SECURITY }] : []),
];

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The settings the prerendered pages show, as this build sees them (raw; app/_server/env.ts parses them).
  env: Object.fromEntries(PAGE_SETTING_VARIABLES.map((name) => [`BUILT_${name}`, process.env[name] ?? ""])),
  async rewrites() {
    return {
      // The emailed link, /reset-password?token=…&email=…, is handled by a route that moves the token into a cookie
      // and redirects to the clean /reset-password (see app/[locale]/reset-password/open/route.ts).
      // A link with only one of its two parts is just as broken, and is stripped from the URL the same way.
      beforeFiles: [
        ...inEveryLanguage({ source: "/reset-password", has: [{ type: "query", key: "token" }], destination: "/reset-password/open" }),
        ...inEveryLanguage({ source: "/reset-password", has: [{ type: "query", key: "email" }], destination: "/reset-password/open" }),
        // The sign-in page with a notice ("your password has been changed") is prerendered once per notice.
        ...inEveryLanguage({
          source: "/login",
          has: [{ type: "query", key: "notice", value: "(?<notice>password-reset|signed-out|account-created|already-registered|email-changed)" }],
          destination: "/login/:notice",
        }),
        // Every other English page: its unprefixed path, served from app/[locale] (i18n/routing.mjs). Last, as
        // rewrites apply in order and the first whose result is a page wins.
        ...shopPageRewrites(),
      ],
      // The compatibility facades' public paths, into the one facade route (the list is app/_lib/api-mounts.ts).
      afterFiles: facadeRewrites(),
    };
  },
  async headers() {
    const everyLanguage = (path: string) => [path, `${PREFIXED}${path}`];
    return [
      { source: "/:path*", headers: securityHeaders },
      {
        source: `/:path((?!(?:(?:${PREFIXES})/)?(?:reset-password|account/not-me)).*)`,
        headers: [{ key: "Referrer-Policy", value: "strict-origin-when-cross-origin" }],
      },
      // The "This wasn't me" page's URL carries its token. It loads nothing from other sites, and `same-origin`
      // sends them no Referer at all while keeping the Origin its confirmation form needs.
      ...everyLanguage("/account/not-me").map((source) => ({ source, headers: [{ key: "Referrer-Policy", value: "same-origin" }] })),
      // The reset pages' own URLs carry no secret (the landing route sends `no-referrer` itself, while its URL
      // still has the token). `same-origin` sends no Referer to any other site, and keeps the Origin header on the
      // pages' form posts, which Next's server-action CSRF check needs: under `no-referrer` Chromium sends
      // `Origin: null` and the no-JS submission is rejected.
      ...everyLanguage("/reset-password/:path*").concat(everyLanguage("/reset-password")).map((source) => ({
        source,
        missing: [{ type: "query" as const, key: "token" }],
        headers: [{ key: "Referrer-Policy", value: "same-origin" }],
      })),
    ];
  },
  experimental: {
    // A path that is no page in any language gets app/global-not-found.tsx: every page has its root layout under
    // app/[locale], so there is no single root layout to wrap a 404 in.
    globalNotFound: true,
    // proxy.ts refuses form posts over 64 KiB with a clear page; these keep Next's own buffers to the same size.
    serverActions: { bodySizeLimit: "64kb" },
    proxyClientMaxBodySize: "64kb",
  },
};

// next-intl's configuration for each render (the language and its messages): i18n/request.ts.
export default createNextIntlPlugin("./i18n/request.ts")(nextConfig);
