import "server-only";
import { getDb } from "../db";
import type { RenderedEmail } from "./rendered-email";

/**
 * The transport used when RESEND_API_KEY is not set: messages are kept in the database and shown at /dev/mailbox,
 * so a developer can click through the whole journey without an email provider.
 */
export async function deliverToDevMailbox(message: RenderedEmail): Promise<void> {
  await getDb().devMailboxMessage.create({ data: message });
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
