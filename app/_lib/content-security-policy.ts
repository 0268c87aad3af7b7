/**
 * The Content-Security-Policy of every page: nothing inline unless it is one of ours, nothing from other sites, no
 * framing at all. Script and style files come from this origin only. Inline ones run if they carry the fresh nonce
 * of a page rendered per request (proxy.ts; Next.js puts it on its own), or if they are the inline scripts of a
 * prerendered page, fixed at build and allowed by hash (scripts/static-page-csp.ts). The proxy's policy allows those
 * hashes too: an unknown path gets the prerendered not-found page through it.
 */
export type InlineHashes = { scripts: string[]; styles: string[] };
type Sources = InlineHashes;

function policy({ scripts, styles }: Sources): string {
  return [
    "default-src 'self'",
    `script-src ${scripts.join(" ")}`,
    `style-src ${styles.join(" ")}`,
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

export function pageContentSecurityPolicy(nonce: string, options: { development: boolean; prerendered?: InlineHashes }): string {
  const hashes = options.prerendered ?? { scripts: [], styles: [] };
  return policy({
    // React needs eval in development only, to rebuild server error stacks in the browser.
    scripts: ["'self'", `'nonce-${nonce}'`, ...hashes.scripts, ...(options.development ? ["'unsafe-eval'"] : [])],
    styles: ["'self'", `'nonce-${nonce}'`, ...hashes.styles],
  });
}

/** For prerendered pages: `'sha256-…'` sources of their inline scripts and styles. */
export function prerenderedPageContentSecurityPolicy(hashes: InlineHashes): string {
  return policy({ scripts: ["'self'", ...hashes.scripts], styles: ["'self'", ...hashes.styles] });
}

/** For the self-contained HTML answers (413, 429): their own inline styles, and nothing else at all. */
export const STANDALONE_PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/** Two years, as hstspreload.org asks. Browsers ignore the header on plain http, so sending it there is harmless. */
export const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";
