import { isDevMailboxEnabled } from "@/app/_server/email/dev-mailbox-access";
import { findDevMailboxMessage } from "@/app/_server/email/dev-mailbox";

/**
 * The raw HTML of a stored email, framed by the message page. It is sandboxed: no scripts, no same-origin access;
 * links open in the top window when clicked, so a developer can follow a reset link as a shopper would.
 */
export async function GET(_request: Request, context: { params: Promise<{ id: string }> }) {
  if (!(await isDevMailboxEnabled())) return new Response("Not found", { status: 404 });
  const message = await findDevMailboxMessage((await context.params).id);
  if (!message) return new Response("Not found", { status: 404 });

  // Links open in the main window, as they would from a mail client: a base target, and React Email's
  // target="_blank" on each link turned into _top.
  const html = message.html
    .replace(/<head([^>]*)>/i, '<head$1><base target="_top">')
    .replaceAll('target="_blank"', 'target="_top"');
  return new Response(html, {
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Cache-Control": "no-store",
      "Content-Security-Policy":
        "sandbox allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation; default-src 'none'; style-src 'unsafe-inline'; img-src data: https:; frame-ancestors 'self'",
    },
  });
}
