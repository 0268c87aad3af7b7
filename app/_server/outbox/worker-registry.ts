import "server-only";

/** The outbox worker running in this process, if any (see background/run-worker.ts). */
export type ProcessOutboxWorker = { wake: (options?: { withinMs?: number }) => void; stop: () => Promise<void> };

// On globalThis because Next bundles instrumentation (which starts the worker) apart from the routes (which wake it).
const holder = globalThis as typeof globalThis & { __outboxWorker?: ProcessOutboxWorker };

/**
 * Asks this process's worker, if it runs one, to look at the outbox before its next poll: now, or within
 * `withinMs`. Only a wake-up: the work itself is in committed rows, which the worker's poll finds anyway.
 */
export function wakeOutboxWorker(options?: { withinMs?: number }): void {
  holder.__outboxWorker?.wake(options);
}

export function setProcessOutboxWorker(worker: ProcessOutboxWorker | undefined): ProcessOutboxWorker | undefined {
  const previous = holder.__outboxWorker;
  holder.__outboxWorker = worker;
  return previous;
}
