import "server-only";
import { Resend } from "resend";
import { EmailDeliveryError, type RenderedEmail } from "./rendered-email";

// A provider that hangs must not hold a send forever.
const SEND_TIMEOUT_MS = 10_000;

const clients = new Map<string, Resend>();

/** Sends through the Resend SDK, which honours RESEND_BASE_URL (the tests point it at a local capture server). */
export async function deliverThroughResend(message: RenderedEmail, apiKey: string): Promise<void> {
  let client = clients.get(apiKey);
  if (!client) {
    client = new Resend(apiKey);
    clients.set(apiKey, client);
  }
  const { error } = await client.emails.send(
    { from: message.from, to: message.to, subject: message.subject, html: message.html, text: message.text },
    { signal: AbortSignal.timeout(SEND_TIMEOUT_MS) },
  );
  if (error) {
    const status = "statusCode" in error && error.statusCode ? ` (HTTP ${error.statusCode})` : "";
    throw new EmailDeliveryError(`Resend refused the message${status}: ${error.name}`);
  }
}
