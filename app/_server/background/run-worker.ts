import "server-only";
import { describeError, log } from "../log";
import { drainOutbox, OutboxWorker } from "../outbox/outbox-worker";
import { setProcessOutboxWorker } from "../outbox/worker-registry";
import { issueRequestedResets } from "../recovery/reset-requests";
import { sweepExpiredRecords } from "./retention-sweep";

/**
 * The background worker of a store: each pass turns accepted reset requests into resets (recovery/reset-requests.ts),
 * then delivers the outbox. It runs in every app process (started from instrumentation.ts, OUTBOX_WORKER=embedded,
 * the default) or in `npm run worker` processes; any number may run at once.
 */
export function createBackgroundWorker(): OutboxWorker {
  let nextSweepAt = 0;
  return new OutboxWorker(undefined, async (workerId, now) => {
    const issued = await issueRequestedResets(workerId, now);
    // The retention sweep, at most once an hour per worker: a lost timer only delays it to the next pass.
    if (now.getTime() >= nextSweepAt) {
      nextSweepAt = now.getTime() + SWEEP_INTERVAL_MS;
      await sweepExpiredRecords(now).then(
        (swept) => log.info({ event: "retention.swept", ...swept }),
        (error: unknown) => log.error({ event: "retention.sweep_failed", error: describeError(error) }, "retention sweep failed; will retry"),
      );
    }
    return issued;
  });
}

const SWEEP_INTERVAL_MS = 60 * 60 * 1000;

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
