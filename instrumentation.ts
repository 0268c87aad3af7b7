/**
 * Runs once when a Next.js server starts, before it serves requests. The Node.js part validates the configuration,
 * so a missing or malformed variable stops start-up with a message that names it, and starts the outbox worker
 * that delivers queued email (unless OUTBOX_WORKER=external).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    await import("./instrumentation-node");
  }
}
