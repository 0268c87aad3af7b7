/**
 * The Content-Security-Policy for every page, with a fresh nonce per response (proxy.ts). Scripts run only with
 * the nonce (Next.js puts it on its own scripts) or when loaded by one that has it ('strict-dynamic'); nothing
 * inline without it, nothing from other sites, and no framing at all.
 */
export function pageContentSecurityPolicy(nonce: string, options: { development: boolean }): string {
  return [
    "default-src 'self'",
    // React needs eval in development only, to rebuild server error stacks in the browser.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.development ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    // The dev mailbox frames its messages from this origin.
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** For the self-contained HTML answers (413, 429): their own inline styles, and nothing else at all. */
export const STANDALONE_PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/** Two years, as hstspreload.org asks. Browsers ignore the header on plain http, so sending it there is harmless. */
export const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";
