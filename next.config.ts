import type { NextConfig } from "next";
import { facadeRewrites } from "./app/_lib/api-mounts";
import { STRICT_TRANSPORT_SECURITY } from "./app/_lib/content-security-policy";
import { PAGE_SETTING_VARIABLES } from "./app/_lib/page-setting-variables";

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
      // and redirects to the clean /reset-password (see app/(shop)/reset-password/open/route.ts).
      // A link with only one of its two parts is just as broken, and is stripped from the URL the same way.
      beforeFiles: [
        { source: "/reset-password", has: [{ type: "query", key: "token" }], destination: "/reset-password/open" },
        { source: "/reset-password", has: [{ type: "query", key: "email" }], destination: "/reset-password/open" },
        // The sign-in page with a notice ("your password has been changed") is prerendered once per notice.
        {
          source: "/login",
          has: [{ type: "query", key: "notice", value: "(?<notice>password-reset|signed-out|account-created|already-registered|email-changed)" }],
          destination: "/login/:notice",
        },
      ],
      // The compatibility facades' public paths, into the one facade route (the list is app/_lib/api-mounts.ts).
      afterFiles: facadeRewrites(),
    };
  },
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      {
        source: "/:path((?!reset-password|account/not-me).*)",
        headers: [{ key: "Referrer-Policy", value: "strict-origin-when-cross-origin" }],
      },
      // The "This wasn't me" page's URL carries its token. It loads nothing from other sites, and `same-origin`
      // sends them no Referer at all while keeping the Origin its confirmation form needs.
      { source: "/account/not-me", headers: [{ key: "Referrer-Policy", value: "same-origin" }] },
      // The reset pages' own URLs carry no secret (the landing route sends `no-referrer` itself, while its URL
      // still has the token). `same-origin` sends no Referer to any other site, and keeps the Origin header on the
      // pages' form posts, which Next's server-action CSRF check needs: under `no-referrer` Chromium sends
      // `Origin: null` and the no-JS submission is rejected.
      {
        source: "/reset-password/:path*",
        missing: [{ type: "query", key: "token" }],
        headers: [{ key: "Referrer-Policy", value: "same-origin" }],
      },
      {
        source: "/reset-password",
        missing: [{ type: "query", key: "token" }],
        headers: [{ key: "Referrer-Policy", value: "same-origin" }],
      },
    ];
  },
  experimental: {
    // proxy.ts refuses form posts over 64 KiB with a clear page; these keep Next's own buffers to the same size.
    serverActions: { bodySizeLimit: "64kb" },
    proxyClientMaxBodySize: "64kb",
  },
};

export default nextConfig;
