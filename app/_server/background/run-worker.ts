import "server-only";
import { log } from "../log";
import { drainOutbox, OutboxWorker } from "../outbox/outbox-worker";
import { setProcessOutboxWorker } from "../outbox/worker-registry";
import { issueRequestedResets } from "../recovery/reset-requests";

/**
 * The background worker of a store: each pass turns accepted reset requests into resets (recovery/reset-requests.ts),
 * then delivers the outbox. It runs in every app process (started from instrumentation.ts, OUTBOX_WORKER=embedded,
 * the default) or in `npm run worker` processes; any number may run at once.
 */
export function createBackgroundWorker(): OutboxWorker {
  return new OutboxWorker(undefined, issueRequestedResets);
}

/** Starting twice keeps the first. */
export function startOutboxWorker(mode: "embedded" | "standalone"): void {
  const worker = createBackgroundWorker();
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

/** Everything due now, pass after pass, until nothing is left: the tests' and benchmarks' way to wait for mail. */
export function drainBackgroundWork(): Promise<number> {
  return drainOutbox(createBackgroundWorker());
}
