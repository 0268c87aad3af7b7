#!/usr/bin/env node
// A local stand-in for the Resend API, at the network edge only: the app sends through the real Resend SDK, pointed
// here by RESEND_BASE_URL, and the tests read what arrived, as a shopper would read their inbox.
//
//   POST /emails                   Resend's send endpoint: Bearer auth, JSON {from,to,subject,html,text}, Idempotency-Key
//   GET  /__test/messages?to=x     messages received for an address, oldest first
//   GET  /__test/messages/<id>/html a message's html part as a page, as a webmail would show it (tests open it at
//                                  http://localhost:3101, another site than the app at 127.0.0.1, to click its links
//                                  cross-site, as from Gmail)
//   GET  /__test/health            readiness probe for Playwright's webServer
//   PUT  /__test/fault             {"mode": "none" | "error" | "timeout"}: how sends are answered from now on, to test
//                                  outages. "error": 500, nothing sent. "timeout": the message is accepted (and
//                                  kept) but the answer never comes, as when a provider's reply is lost on the way
//                                  back; only the Idempotency-Key stops the sender's retry from sending it twice.
//   GET  /__test/stats             {"accepted", "refused", "timedOut", "duplicates"}: counts of send requests
//
// It listens on 127.0.0.1 only. Usage: node resend-capture-server.mjs [port]   (default 3101, or CAPTURE_PORT; 0 picks
// a free port, printed on the first line). CAPTURE_DELAY_MS makes every send take that long, like a real provider
// (the timing benchmark uses 50).
import { randomUUID } from "node:crypto";
import { createServer } from "node:http";

const port = Number(process.argv[2] ?? process.env.CAPTURE_PORT ?? 3101);
const delayMs = Number(process.env.CAPTURE_DELAY_MS ?? 0);
const MAX_BODY_BYTES = 2 * 1024 * 1024;

/** @type {{ id: string, receivedAt: string, from: string, to: string[], subject: string, html: string, text: string }[]} */
const messages = [];
const idByIdempotencyKey = new Map();
let faultMode = "none";
const stats = { accepted: 0, refused: 0, timedOut: 0, duplicates: 0 };

function sendJson(response, status, body) {
  response.writeHead(status, { "Content-Type": "application/json" });
  response.end(JSON.stringify(body));
}

function resendError(response, status, name, message) {
  sendJson(response, status, { statusCode: status, name, message });
}

async function readJson(request) {
  let size = 0;
  const chunks = [];
  for await (const chunk of request) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new Error("body too large");
    chunks.push(chunk);
  }
  return JSON.parse(Buffer.concat(chunks).toString("utf8"));
}

async function acceptEmail(request, response) {
  if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
  if (faultMode === "error") {
    stats.refused++;
    request.resume();
    return resendError(response, 500, "internal_server_error", "The provider is having an outage.");
  }
  if (!/^Bearer \S+$/.test(request.headers.authorization ?? "")) {
    return resendError(response, 401, "missing_api_key", "Missing API key in the authorization header.");
  }
  let payload;
  try {
    payload = await readJson(request);
  } catch {
    return resendError(response, 422, "validation_error", "Invalid JSON body.");
  }
  const to = Array.isArray(payload.to) ? payload.to : [payload.to];
  if (typeof payload.from !== "string" || !to.every((address) => typeof address === "string" && address.includes("@"))) {
    return resendError(response, 422, "validation_error", "`from` and `to` are required.");
  }
  if (typeof payload.subject !== "string" || (typeof payload.html !== "string" && typeof payload.text !== "string")) {
    return resendError(response, 422, "validation_error", "`subject` and `html` or `text` are required.");
  }

  // Like Resend, a repeated Idempotency-Key returns the first message's id instead of sending again.
  const idempotencyKey = request.headers["idempotency-key"];
  if (typeof idempotencyKey === "string" && idByIdempotencyKey.has(idempotencyKey)) {
    stats.duplicates++;
    return sendJson(response, 200, { id: idByIdempotencyKey.get(idempotencyKey) });
  }
  const id = randomUUID();
  if (typeof idempotencyKey === "string") idByIdempotencyKey.set(idempotencyKey, id);
  messages.push({
    id,
    receivedAt: new Date().toISOString(),
    from: payload.from,
    to,
    subject: payload.subject,
    html: payload.html ?? "",
    text: payload.text ?? "",
  });
  if (faultMode === "timeout") {
    // Accepted, but the reply is lost: the sender gives up waiting and will retry.
    stats.timedOut++;
    return;
  }
  stats.accepted++;
  return sendJson(response, 200, { id });
}

const server = createServer((request, response) => {
  const url = new URL(request.url ?? "/", "http://127.0.0.1");
  if (request.method === "POST" && url.pathname === "/emails") {
    acceptEmail(request, response).catch(() => resendError(response, 500, "application_error", "capture server error"));
    return;
  }
  if (request.method === "GET" && url.pathname === "/__test/messages") {
    const to = url.searchParams.get("to")?.toLowerCase();
    return sendJson(response, 200, to ? messages.filter((m) => m.to.some((address) => address.toLowerCase() === to)) : messages);
  }
  const htmlView = /^\/__test\/messages\/([^/]+)\/html$/.exec(url.pathname);
  if (request.method === "GET" && htmlView) {
    const message = messages.find((m) => m.id === htmlView[1]);
    if (!message) return resendError(response, 404, "not_found", "No such message");
    response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    return response.end(message.html);
  }
  if (request.method === "GET" && url.pathname === "/__test/health") return sendJson(response, 200, { ok: true });
  if (request.method === "GET" && url.pathname === "/__test/stats") return sendJson(response, 200, stats);
  if (request.method === "PUT" && url.pathname === "/__test/fault") {
    readJson(request)
      .then((body) => {
        if (!["none", "error", "timeout"].includes(body?.mode)) return resendError(response, 422, "validation_error", "mode must be none, error or timeout");
        faultMode = body.mode;
        return sendJson(response, 200, { mode: faultMode });
      })
      .catch(() => resendError(response, 422, "validation_error", "Invalid JSON body."));
    return;
  }
  return resendError(response, 404, "not_found", "Not found");
});

server.listen(port, "127.0.0.1", () => console.log(`Resend capture server on http://127.0.0.1:${server.address().port}`));
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    server.closeAllConnections(); // including sends held open by the "timeout" fault
  });
}
