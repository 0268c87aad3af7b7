import "server-only";
import { Resend } from "resend";
import { EmailDeliveryError, type RenderedEmail } from "./rendered-email";

const clients = new Map<string, Resend>();

// Resend answers 400/422 when the message itself is wrong (a bad address, a missing field): sending it again can't
// help. Everything else (5xx, 429, a timeout, a refused connection, even a bad API key an operator may fix) is retried.
const PERMANENT_STATUSES = new Set([400, 422]);

/**
 * Sends through the Resend SDK, which honours RESEND_BASE_URL (the tests point it at a local capture server). The
 * idempotency key makes a retry of a message Resend already accepted a no-op instead of a second email.
 */
export async function deliverThroughResend(
  message: RenderedEmail,
  options: { apiKey: string; idempotencyKey: string; timeoutMs: number },
): Promise<void> {
  let client = clients.get(options.apiKey);
  if (!client) {
    client = new Resend(options.apiKey);
    clients.set(options.apiKey, client);
  }
  const { error } = await client.emails.send(
    { from: message.from, to: message.to, subject: message.subject, html: message.html, text: message.text },
    { idempotencyKey: options.idempotencyKey, signal: AbortSignal.timeout(options.timeoutMs) },
  );
  if (error) {
    const statusCode = "statusCode" in error && typeof error.statusCode === "number" ? error.statusCode : null;
    const status = statusCode ? ` (HTTP ${statusCode})` : "";
    throw new EmailDeliveryError(`Resend refused the message${status}: ${error.name}`, {
      permanent: statusCode !== null && PERMANENT_STATUSES.has(statusCode),
    });
  }
}
