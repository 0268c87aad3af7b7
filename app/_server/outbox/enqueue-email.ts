import "server-only";
import type { Database } from "../db";
import type { EmailMessage } from "../email/email-templates";
import { seal } from "../secrets";

type OutboxWriter = Pick<Database, "outboxEmail">;

/**
 * Queues an email in the outbox. Call it with the transaction that makes the change the email is about (the new
 * reset token, the changed password), so the change and its email are committed together or not at all. The
 * content is sealed, because it holds a reset link and code. Call `wakeOutboxWorker()` once the transaction commits.
 */
export function enqueueEmail(writer: OutboxWriter, message: EmailMessage) {
  // Prisma's lazy operation, not yet run: awaiting it runs it, and a batch transaction can take it.
  const { template, ...content } = message;
  return writer.outboxEmail.create({
    data: { template, payload: seal("outbox", JSON.stringify(content)) },
    select: { id: true },
  });
}

/** The worker running in this process, if any (see run-worker.ts). */
export type ProcessOutboxWorker = { wake: () => void; stop: () => Promise<void> };
const holder = globalThis as typeof globalThis & { __outboxWorker?: ProcessOutboxWorker };

/**
 * Asks this process's worker, if it runs one, to look at the outbox now rather than at its next poll. The worker
 * is kept on globalThis because Next bundles instrumentation (which starts it) apart from the routes (which wake it),
 * and server.mjs stops it on shutdown.
 */
export function wakeOutboxWorker(): void {
  holder.__outboxWorker?.wake();
}

export function setProcessOutboxWorker(worker: ProcessOutboxWorker | undefined): ProcessOutboxWorker | undefined {
  const previous = holder.__outboxWorker;
  holder.__outboxWorker = worker;
  return previous;
}
