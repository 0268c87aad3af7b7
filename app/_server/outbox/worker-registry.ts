import "server-only";

/** The outbox worker running in this process, if any (see run-worker.ts). */
export type ProcessOutboxWorker = { wake: () => void; stop: () => Promise<void> };

// On globalThis because Next bundles instrumentation (which starts the worker) apart from the routes (which wake it).
const holder = globalThis as typeof globalThis & { __outboxWorker?: ProcessOutboxWorker };

/** Asks this process's worker, if it runs one, to look at the outbox now rather than at its next poll. */
export function wakeOutboxWorker(): void {
  holder.__outboxWorker?.wake();
}

export function setProcessOutboxWorker(worker: ProcessOutboxWorker | undefined): ProcessOutboxWorker | undefined {
  const previous = holder.__outboxWorker;
  holder.__outboxWorker = worker;
  return previous;
}
