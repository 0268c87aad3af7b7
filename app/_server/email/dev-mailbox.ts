import "server-only";
import { type Database, getDb } from "../db";
import type { RenderedEmail } from "./rendered-email";

/**
 * The transport used when RESEND_API_KEY is not set: messages are kept in the database and shown at /dev/mailbox,
 * so a developer can click through the whole journey without an email provider. The outbox worker calls it inside
 * the transaction that marks the message sent, so a message lands in the mailbox exactly once.
 */
export async function deliverToDevMailbox(writer: Pick<Database, "devMailboxMessage">, message: RenderedEmail): Promise<void> {
  await writer.devMailboxMessage.create({ data: message });
}

const MAILBOX_PAGE_SIZE = 50;

export async function listDevMailboxMessages() {
  return getDb().devMailboxMessage.findMany({
    orderBy: { createdAt: "desc" },
    take: MAILBOX_PAGE_SIZE,
    select: { id: true, to: true, subject: true, createdAt: true },
  });
}

export async function findDevMailboxMessage(id: string) {
  if (id.length > 64) return null;
  return getDb().devMailboxMessage.findUnique({ where: { id } });
}
