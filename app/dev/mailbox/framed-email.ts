import { createHash } from "node:crypto";

/**
 * An email's HTML as the dev mailbox frames it (./mailbox-frame.tsx), for stored messages and previews alike. It is
 * sandboxed: no same-origin access, and no script but one line of ours (allowed by its hash, so nothing in an email
 * could run) that tells the page how tall the email is, so the frame shows all of it instead of cutting it off.
 * Links open in the top window when clicked, so a developer can follow a reset link as a shopper would.
 */
// It reports when the email has loaded, when it is resized, and when the page asks (the page may start listening only
// after the email has loaded: it asks once it does).
const REPORT_HEIGHT =
  'const report=()=>parent.postMessage({mailboxFrameHeight:document.documentElement.scrollHeight},"*");addEventListener("load",report);addEventListener("resize",report);addEventListener("message",report);';
const REPORT_HEIGHT_HASH = `'sha256-${createHash("sha256").update(REPORT_HEIGHT).digest("base64")}'`;

export function framedEmailResponse(emailHtml: string): Response {
  // Links open in the main window, as they would from a mail client: a base target, and React Email's
  // target="_blank" on each link turned into _top.
  const html = emailHtml
    .replace(/<head([^>]*)>/i, '<head$1><base target="_top">')
    .replaceAll('target="_blank"', 'target="_top"')
    .replace(/<\/body>/i, `<script>${REPORT_HEIGHT}</script></body>`);
  return new Response(html, {
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Cache-Control": "no-store",
      "Content-Security-Policy": `sandbox allow-scripts allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation; default-src 'none'; script-src ${REPORT_HEIGHT_HASH}; style-src 'unsafe-inline'; img-src data: https:; frame-ancestors 'self'`,
    },
  });
}
