import "server-only";

/** A rendered message as every transport receives it: an html part and a plain-text part. */
export type RenderedEmail = { from: string; to: string; subject: string; html: string; text: string };

/** A transport failed. Its message names the cause and never contains the email's content or links. */
export class EmailDeliveryError extends Error {
  override name = "EmailDeliveryError";
}
