#!/usr/bin/env node
// The app's HTTP server: Next.js behind a plain Node server that adds one fact Next does not keep, the TCP peer's
// address. Next copies the peer into X-Forwarded-For only when a client didn't send that header itself, so on its own
// it cannot tell a forged X-Forwarded-For from a real one. Here the peer goes into PEER_ADDRESS_HEADER, which any
// incoming copy is stripped of, and app/_server/client-address.ts combines it with TRUST_PROXY_HOPS.
//
//   node server.mjs            production (NODE_ENV=production unless set otherwise); `npm start`
//   node server.mjs --dev      development with hot reload; `npm run dev`
// Listens on HOSTNAME (default 0.0.0.0 in production, localhost in development) and PORT (default 3000).
import { createServer } from "node:http";

const dev = process.argv.includes("--dev");
process.env.NODE_ENV ??= dev ? "development" : "production";
process.env.NEXT_TELEMETRY_DISABLED ??= "1";

// Read by app/_server/client-address.ts (PEER_ADDRESS_HEADER there; a unit test keeps the two in step).
const PEER_ADDRESS_HEADER = "x-storefront-peer-address";

const hostname = process.env.HOSTNAME || (dev ? "localhost" : "0.0.0.0");
const port = Number(process.env.PORT || 3000);
// Long enough for a send in progress to finish (EMAIL_SEND_TIMEOUT_MS defaults to 10 s). A message still claimed
// when the process is killed is not lost: its lease runs out and another worker (or this one, restarted) sends it.
const SHUTDOWN_GRACE_MS = 15_000;

const { default: next } = await import("next");
const app = next({ dev, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((request, response) => {
  delete request.headers[PEER_ADDRESS_HEADER];
  const peer = request.socket.remoteAddress;
  if (peer) request.headers[PEER_ADDRESS_HEADER] = peer;
  handle(request, response);
});

server.listen(port, hostname, () => {
  const shown = hostname === "0.0.0.0" ? "localhost" : hostname;
  console.log(`> Ready on http://${shown}:${port} (${dev ? "development" : process.env.NODE_ENV})`);
});

// On SIGTERM/SIGINT: stop accepting connections, let requests in flight (and their after() work) finish, stop the
// outbox worker (its sends in progress finish; messages it claimed but had not started go back to the queue), exit.
let stopping = false;
for (const signal of ["SIGTERM", "SIGINT"]) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    const forceExit = setTimeout(() => process.exit(0), SHUTDOWN_GRACE_MS);
    forceExit.unref();
    server.close(() => {
      Promise.resolve(app.close?.())
        .catch(() => {})
        .then(() => globalThis.__outboxWorker?.stop())
        .catch(() => {})
        .finally(() => process.exit(0));
    });
    server.closeIdleConnections?.();
  });
}
