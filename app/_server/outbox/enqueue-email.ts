import "server-only";
import type { Database } from "../db";
import { type EmailMessage, emailSubject } from "../email/email-templates";
import { seal } from "../secrets";

/**
 * Queues an email in the outbox, with the transaction that makes the change the email is about (the new reset
 * token, the changed password), so the change and its email commit together or not at all. Its subject is worded
 * now, in the email's language. The content is sealed: it holds links and codes. Returns Prisma's lazy operation,
 * so a batch transaction can take it too. Once the transaction commits, call `wakeOutboxWorker()`.
 */
export function enqueueEmail(writer: Pick<Database, "outboxEmail">, message: EmailMessage) {
  const { template, ...content } = message;
  return writer.outboxEmail.create({
    data: { template, payload: seal("outbox", JSON.stringify({ ...content, subject: emailSubject(message) })) },
    select: { id: true },
  });
}
