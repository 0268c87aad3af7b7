import "server-only";
import { render } from "@react-email/render";
import type { ReactElement } from "react";
import { getConfig } from "../env";
import { deliverToDevMailbox } from "./dev-mailbox";
import type { RenderedEmail } from "./rendered-email";
import { deliverThroughResend } from "./resend-transport";

export type OutgoingEmail = { to: string; subject: string; body: ReactElement };

// Headings keep their case in the plain-text part; html-to-text would shout them in capitals.
const plainTextOptions = { selectors: [{ selector: "h1", options: { uppercase: false } }] };

export async function renderEmail(email: OutgoingEmail): Promise<RenderedEmail> {
  const [html, text] = await Promise.all([
    render(email.body),
    render(email.body, { plainText: true, htmlToTextOptions: plainTextOptions }),
  ]);
  return { from: getConfig().emailFrom, to: email.to, subject: email.subject, html, text };
}

/**
 * Renders and delivers one email through the configured transport: Resend when RESEND_API_KEY is set, otherwise
 * the dev mailbox. Throws EmailDeliveryError on failure; its message never contains the email's content.
 */
export async function sendEmail(email: OutgoingEmail): Promise<void> {
  const rendered = await renderEmail(email);
  const transport = getConfig().emailTransport;
  if (transport.kind === "resend") {
    await deliverThroughResend(rendered, transport.apiKey);
  } else {
    await deliverToDevMailbox(rendered);
  }
}
