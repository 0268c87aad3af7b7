import "server-only";

/** A rendered message as every transport receives it: an html part and a plain-text part. */
export type RenderedEmail = { from: string; to: string; subject: string; html: string; text: string };

/**
 * A transport failed. Its message names the cause and never contains the email's content or links. `permanent`
 * means sending the same message again can't succeed, so the outbox gives up on it at once.
 */
export class EmailDeliveryError extends Error {
  override name = "EmailDeliveryError";
  readonly permanent: boolean;

  constructor(message: string, options: { permanent?: boolean } = {}) {
    super(message);
    this.permanent = options.permanent ?? false;
  }
}
