import "server-only";
import { log } from "../log";
import { setProcessOutboxWorker } from "./worker-registry";
import { OutboxWorker } from "./outbox-worker";

/**
 * Starts this process's outbox worker: from instrumentation.ts in every app process (OUTBOX_WORKER=embedded, the
 * default), or from `npm run worker`. Starting twice keeps the first.
 */
export function startOutboxWorker(mode: "embedded" | "standalone"): void {
  const worker = new OutboxWorker();
  const previous = setProcessOutboxWorker(worker);
  if (previous) {
    setProcessOutboxWorker(previous);
    return;
  }
  worker.start();
  log.info({ event: "outbox.worker_started", worker: worker.id, mode });
}

/** Graceful shutdown: sends in progress finish, claimed messages not yet started go back to the queue. */
export async function stopOutboxWorker(): Promise<void> {
  const worker = setProcessOutboxWorker(undefined);
  if (!worker) return;
  await worker.stop();
  log.info({ event: "outbox.worker_stopped" });
}
