import { isDevMailboxEnabled } from "@/app/_server/email/dev-mailbox-access";
import { findDevMailboxMessage } from "@/app/_server/email/dev-mailbox";
import { framedEmailResponse } from "../../framed-email";

/** The HTML part of a stored email, for the frame on its message page (../../framed-email.ts says how it is served). */
export async function GET(_request: Request, context: { params: Promise<{ id: string }> }) {
  if (!(await isDevMailboxEnabled())) return new Response("Not found", { status: 404 });
  const message = await findDevMailboxMessage((await context.params).id);
  if (!message) return new Response("Not found", { status: 404 });
  return framedEmailResponse(message.html);
}
