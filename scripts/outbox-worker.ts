/**
 * The outbox worker on its own: `npm run worker`. Run one or more beside the app when it runs several instances
 * with OUTBOX_WORKER=external (any number of workers is safe: each message is claimed by exactly one). It reads the
 * same configuration as the app (environment, then .env files as Next does) and stops gracefully on SIGTERM/SIGINT.
 */
import nextEnv from "@next/env";

// Like `npm start`: production unless NODE_ENV says otherwise, with the .env files Next would load for it. The core
// is imported only after that, because some of it (the logger's level) reads the environment when it loads.
const environment = process.env as Record<string, string | undefined>;
environment.NODE_ENV ??= "production";
nextEnv.loadEnvConfig(process.cwd(), environment.NODE_ENV === "development");

const { getDb } = await import("@/app/_server/db");
const { getConfigOrExit } = await import("@/app/_server/env");
const { log } = await import("@/app/_server/log");
const { startOutboxWorker, stopOutboxWorker } = await import("@/app/_server/background/run-worker");

getConfigOrExit();

startOutboxWorker("standalone");
// The worker's timer doesn't hold the process open on its own; this does, until a signal arrives.
const keepAlive = setInterval(() => {}, 1 << 30);

let stopping = false;
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    log.info({ event: "outbox.worker_stopping", signal });
    void stopOutboxWorker()
      .then(() => getDb().$disconnect())
      .finally(() => {
        clearInterval(keepAlive);
        process.exit(0);
      });
  });
}
