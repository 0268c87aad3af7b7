import type { NextConfig } from "next";

// Sent with every response. The CSP with nonces comes with the security-headers work; these need no per-request state.
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
];

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // A reset link carries its token in the query string. `same-origin` keeps it out of the Referer header of any
  // request to another site, while the form's own POST still carries an Origin, which Next's server-action CSRF
  // check needs (with `no-referrer`, Chromium sends `Origin: null` and the no-JS submission is rejected).
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      { source: "/reset-password", headers: [{ key: "Referrer-Policy", value: "same-origin" }] },
    ];
  },
  experimental: {
    // proxy.ts refuses form posts over 64 KiB with a clear page; these keep Next's own buffers to the same size.
    serverActions: { bodySizeLimit: "64kb" },
    proxyClientMaxBodySize: "64kb",
  },
};

export default nextConfig;
