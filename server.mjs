#!/usr/bin/env node
// The app's HTTP server: Next.js behind a plain Node server that adds one fact Next does not keep, the TCP peer's
// address. Next copies the peer into X-Forwarded-For only when a client didn't send that header itself, so on its own
// it cannot tell a forged X-Forwarded-For from a real one. Here the peer goes into PEER_ADDRESS_HEADER, which any
// incoming copy is stripped of, and app/_server/client-address.ts combines it with TRUST_PROXY_HOPS.
// It also finds each page request's language (i18n/routing.mjs, routeLocale): a shopper whose language isn't English
// who opens an unprefixed page is sent to their language's version, and a form post carries its page's language
// to the server action in LOCALE_HEADER. Here rather than in proxy.ts, which the prerendered pages skip (a pass
// through it costs more CPU than serving such a page), so every page stays as cheap as it was.
//
//   node server.mjs            production (NODE_ENV=production unless set otherwise); `npm start`
//   node server.mjs --dev      development with hot reload, in one process; `npm run dev`
// Listens on HOSTNAME (default 0.0.0.0 in production, localhost in development) and PORT (default 3000).
//
// In production it serves from WEB_CONCURRENCY processes (default: one per core) through node:cluster: this
// process only supervises them. Each runs Next and its own background worker; everything that must hold across
// them (single use, rate limits, each email sent once) is decided in the shared database. A worker that dies is
// replaced; one that dies before it reported ready (instrumentation-node.ts does, once its configuration is valid)
// stops the whole server with its exit code: a configuration error would only repeat.
// Each serving process's memory is kept near what it uses (docs/BENCHMARKS.md): a capped V8 heap (SERVER_HEAP_MB),
// two malloc arenas (MALLOC_ARENA_MAX), large blocks, such as the 19 MiB of each argon2id hash, handed back to the
// system when freed (MALLOC_MMAP_THRESHOLD_), and as many libuv threads, which run the hashes, as it has cores to
// itself (UV_THREADPOOL_SIZE), so hashes in flight never outnumber the cores.
import cluster from "node:cluster";
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { availableParallelism } from "node:os";
import { LOCALE_HEADER } from "./i18n/locales.mjs";
import { routeLocale } from "./i18n/routing.mjs";

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

/** A whole number from the environment within bounds, or the default; anything else stops start-up, naming it. */
function wholeNumberSetting(name, fallback, min, max) {
  const raw = process.env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (Number.isInteger(value) && value >= min && value <= max) return value;
  console.error(`\n${name} must be a whole number from ${min} to ${max}; it is "${raw.slice(0, 20)}".\n`);
  process.exit(1);
}

/**
 * The shop's public origin, APP_URL, as the one source of this server's own host and scheme. A request's Host,
 * X-Forwarded-Host and X-Forwarded-Proto are whatever the client (or a proxy) wrote: Next compares a server
 * action's Origin with them and answers a mismatch with a 500, and next-auth builds URLs from them (`a b` as a
 * scheme throws). So in production they are replaced with APP_URL's before Next sees the request, and next-auth is
 * given AUTH_URL. Outside production without APP_URL, the headers are left alone so any local address works.
 */
function publicOrigin() {
  const configured = process.env.APP_URL?.trim();
  if (!configured || !URL.canParse(configured)) return null; // env.ts refuses a malformed one at start-up
  const url = new URL(configured);
  return { host: url.host, protocol: url.protocol.slice(0, -1), origin: url.origin };
}
const appOrigin = publicOrigin();
if (appOrigin) process.env.AUTH_URL = appOrigin.origin;

/** A request target's path, without its query. */
function pathOf(target = "/") {
  const end = target.search(/[?#]/);
  return end === -1 ? target : target.slice(0, end);
}

if (!dev && cluster.isPrimary) superviseServingProcesses();
else await serve();

function superviseServingProcesses() {
  const count = wholeNumberSetting("WEB_CONCURRENCY", availableParallelism(), 1, 64);
  const heapMb = wholeNumberSetting("SERVER_HEAP_MB", 192, 64, 16_384);
  cluster.setupPrimary({ execArgv: [...process.execArgv, `--max-old-space-size=${heapMb}`] });
  const env = {
    MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX || "2",
    MALLOC_MMAP_THRESHOLD_: process.env.MALLOC_MMAP_THRESHOLD_ || "131072",
    UV_THREADPOOL_SIZE: process.env.UV_THREADPOOL_SIZE || String(Math.max(1, Math.round(availableParallelism() / count))),
  };
  const ready = new Set();
  /** The exit code to leave with once every serving process is gone, when stopping. */
  let stopping = null;
  let recentRestarts = [];

  const fork = () => {
    const worker = cluster.fork(env);
    worker.on("message", (message) => {
      if (message === "ready") ready.add(worker.id);
    });
  };
  for (let i = 0; i < count; i += 1) fork();

  cluster.on("exit", (worker, code, signal) => {
    const served = ready.delete(worker.id);
    if (stopping !== null) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(stopping);
      return;
    }
    if (!served) {
      // It never got as far as serving: starting another would fail the same way.
      console.error(`A server process stopped during start-up (${signal ?? `exit code ${code}`}); stopping.`);
      stopAll(code || 1);
      return;
    }
    // A crash while serving: replace it, unless they keep crashing.
    const now = Date.now();
    recentRestarts = [...recentRestarts.filter((at) => now - at < 60_000), now];
    if (recentRestarts.length > 5 * count) {
      console.error("Server processes keep crashing (more than five each in a minute); stopping.");
      stopAll(1);
      return;
    }
    console.error(`A server process stopped (${signal ?? `exit code ${code}`}); starting another.`);
    fork();
  });

  function stopAll(exitCode) {
    stopping = exitCode;
    const workers = Object.values(cluster.workers ?? {});
    if (workers.length === 0) process.exit(exitCode);
    for (const worker of workers) worker?.process.kill("SIGTERM");
    setTimeout(() => process.exit(exitCode), SHUTDOWN_GRACE_MS + 1_000).unref();
  }

  for (const signal of ["SIGTERM", "SIGINT"]) process.on(signal, () => stopping === null && stopAll(0));
}

/**
 * The Content-Security-Policy of the prerendered pages, from the build (scripts/static-page-csp.ts): they are served
 * without proxy.ts, which gives the pages rendered per request theirs. Without it those pages would go out with no
 * policy at all, so production refuses to start.
 */
function prerenderedPagePolicy() {
  if (dev) return { paths: new Set(), policy: "" };
  try {
    const { paths, policy } = JSON.parse(readFileSync(".next/static-page-csp.json", "utf8"));
    return { paths: new Set(paths), policy };
  } catch {
    console.error("\n.next/static-page-csp.json is missing: build with `npm run build`, which writes it after `next build`.\n");
    process.exit(1);
  }
}

async function serve() {
  const prerendered = prerenderedPagePolicy();
  const { default: next } = await import("next");
  const app = next({ dev, hostname, port });
  const handle = app.getRequestHandler();
  await app.prepare();

  const server = createServer((request, response) => {
    delete request.headers[PEER_ADDRESS_HEADER];
    const peer = request.socket.remoteAddress;
    if (peer) request.headers[PEER_ADDRESS_HEADER] = peer;
    delete request.headers[LOCALE_HEADER];
    const { redirect, locale } = routeLocale(request.method, request.url ?? "/", request.headers);
    if (redirect) {
      response.writeHead(307, {
        Location: redirect,
        // Chosen from the Cookie and Accept-Language headers, for this shopper only.
        Vary: "Cookie, Accept-Language",
        "Cache-Control": "no-store",
        // The address may be an emailed link, token and all: nothing may pass it on.
        "Referrer-Policy": "no-referrer",
      });
      response.end();
      return;
    }
    if (locale) request.headers[LOCALE_HEADER] = locale;
    if (appOrigin && !dev) {
      request.headers.host = appOrigin.host;
      request.headers["x-forwarded-host"] = appOrigin.host;
      request.headers["x-forwarded-proto"] = appOrigin.protocol;
    }
    if ((request.method === "GET" || request.method === "HEAD") && prerendered.paths.has(pathOf(request.url))) {
      response.setHeader("Content-Security-Policy", prerendered.policy);
    }
    handle(request, response);
  });

  server.listen(port, hostname, () => {
    const shown = hostname === "0.0.0.0" ? "localhost" : hostname;
    const which = cluster.isWorker ? `, process ${cluster.worker?.id}` : "";
    console.log(`> Ready on http://${shown}:${port} (${dev ? "development" : process.env.NODE_ENV}${which})`);
  });

  // On SIGTERM/SIGINT: stop accepting connections, let requests in flight finish, stop the background worker (its
  // sends in progress finish; what it claimed but had not started goes back to the queue), exit.
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
}
