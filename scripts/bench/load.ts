/**
 * `npm run bench`: throughput and latency of the doors a storefront exposes, against a production build on
 * 127.0.0.1, at 32 connections (autocannon), each scenario a fixed time after a warm-up:
 *   S1 reset request, registered addresses (rotating)   S2 reset request, unknown addresses
 *   S3 completion with fresh tokens, each used once     S4 the emailed link (landing)
 *   S4b GET /forgot-password (prerendered)              S6 sign-in
 * and two floors, measured first, that show what the machine allows through Next.js before any work of ours:
 *   F1 a route handler that does no work                F2 the reset API refusing a malformed address
 * S1–S3 go through both doors: the page's form as a browser without JavaScript posts it, and the JSON API.
 * Every request comes from its own client address (the server trusts one proxy hop), and the store runs with its
 * default rate limits: the bench rotates enough addresses and customers that no limit applies.
 * Also measured: the server's CPU per scenario and its peak RSS over the run, and the in-process cost of one
 * argon2id hash (median of 50), which bounds completions and sign-ins.
 * Writes docs/benchmarks/load-<sqlite|postgresql>.json and the load section of docs/BENCHMARKS.md. SQLite by default; set
 * DATABASE_URL=postgresql://… (a local scratch database: it is reset) to run on PostgreSQL.
 */
import { execSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import { hash } from "@node-rs/argon2";
import autocannon from "autocannon";
import { isPostgresUrl } from "@/prisma/database-url";
import {
  BENCH_AUTH_SECRET,
  BENCH_DATABASE_URL,
  clientAddress,
  ensureBuild,
  freshDatabase,
  log,
  readActionForm,
  SEEDED_PASSWORD,
  startApp,
  startMailSink,
  startWorker,
} from "./harness";
import { median } from "./stats";

const CONNECTIONS = 32;
const WARM_UP_SECONDS = 3;
const MEASURE_SECONDS = 10;
const APP_PORT = 3320;
const SINK_PORT = 3321;
/** Customers by role, so one scenario's requests never revoke another's tokens. */
const REQUEST_CUSTOMERS = 8_000;
const TOKENS_PER_COMPLETION_DOOR = 4_000;
const LANDING_TOKENS = 1_000;
const TIME_LIMIT_MS = 20 * 60_000;
/**
 * `npm run bench -- --only S2,S4` runs just those scenarios (both doors) and prints them without touching the docs:
 * for working on one figure. A full run is the only one that writes docs/BENCHMARKS.md.
 */
const ONLY = onlyScenarios(process.argv.slice(2));
const selected = (id: string) => ONLY === null || ONLY.has(id.toUpperCase());
/**
 * `--external-worker`: the app runs with OUTBOX_WORKER=external and the outbox worker in a process of its own, as a
 * store scaling out would run it; the figures then show what the app process itself pays per request.
 */
const EXTERNAL_WORKER = process.argv.includes("--external-worker");

type Expectation = { status: number; label: string };
type Scenario = {
  id: string;
  name: string;
  door: "page" | "api" | "—";
  expect: Expectation;
  /** Total requests when a scenario can only run as many as it has fresh tokens for. */
  amount?: number;
  request: (n: number) => { method: "GET" | "POST"; path: string; headers: Record<string, string>; body?: string };
};

type Measured = {
  id: string;
  name: string;
  door: string;
  requestsPerSecond: number;
  latencyMs: { p50: number; p90: number; p99: number };
  requests: number;
  statusCounts: Record<string, number>;
  unexpected: number;
  errors: number;
  timeouts: number;
  serverCpuPercent: number;
  /**
   * Server CPU (user + system, all threads) per answered request, in ms: what one request costs, background work
   * included, and much steadier from run to run than req/s, which also depends on the load generator's share.
   */
  serverCpuMsPerRequest: number;
  /** The server's peak resident set by the end of this scenario: where in the run memory grew. */
  peakRssMiBAfter: number;
};

const BOUNDARY = "----storefront-bench-boundary";
function multipart(fields: Record<string, string>): { body: string; contentType: string } {
  const parts = Object.entries(fields).map(
    ([name, value]) => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  return { body: `${parts.join("")}--${BOUNDARY}--\r\n`, contentType: `multipart/form-data; boundary=${BOUNDARY}` };
}

/**
 * The server's usage: CPU time (user + system, in seconds) summed over the supervising process and every serving
 * process it started (server.mjs runs one per core), and the highest peak resident set of any one of them, in MiB.
 */
function processUsage(pid: number): { cpuSeconds: number; peakRssMiB: number } {
  let cpuSeconds = 0;
  let peakRssMiB = 0;
  for (const member of processTree(pid)) {
    try {
      const stat = readFileSync(`/proc/${member}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      cpuSeconds += (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime
      const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${member}/status`, "utf8"))?.[1];
      peakRssMiB = Math.max(peakRssMiB, Math.round(Number(hwm) / 1024));
    } catch {
      // it exited between the listing and the reading
    }
  }
  return { cpuSeconds, peakRssMiB };
}

function processTree(pid: number): number[] {
  let children: number[] = [];
  try {
    children = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    children = [];
  }
  return [pid, ...children.flatMap(processTree)];
}

function onlyScenarios(args: string[]): Set<string> | null {
  const at = args.findIndex((arg) => arg === "--only" || arg.startsWith("--only="));
  if (at === -1) return null;
  const list = args[at]?.startsWith("--only=") ? args[at].slice("--only=".length) : (args[at + 1] ?? "");
  const ids = list.split(",").map((id) => id.trim().toUpperCase()).filter(Boolean);
  if (ids.length === 0 || ids.some((id) => !/^(S[1-6]|S4B|F[12])$/.test(id))) {
    throw new Error(`--only takes scenario ids S1–S6, S4b, F1 and F2, comma-separated (got "${list}")`);
  }
  return new Set(ids);
}

async function run(baseUrl: string, scenario: Scenario, seconds: number, offset: number): Promise<autocannon.Result> {
  let n = offset;
  const options: autocannon.Options = {
    url: baseUrl,
    connections: CONNECTIONS,
    pipelining: 1,
    timeout: 10,
    requests: [
      {
        setupRequest: (request) => {
          const next = scenario.request(n++);
          return { ...request, method: next.method, path: next.path, headers: next.headers, body: next.body };
        },
      },
    ],
  };
  if (scenario.amount !== undefined) options.amount = Math.max(1, Math.min(scenario.amount - offset, seconds * 2_000));
  else options.duration = seconds;
  return new Promise((resolve, reject) => {
    const instance = autocannon(options, (error, result) => {
      clearTimeout(cap);
      if (error) reject(error);
      else resolve(result);
    });
    // A scenario with an amount still stops at its time budget.
    const cap = setTimeout(() => instance.stop(), (seconds + 5) * 1000);
  });
}

async function measure(baseUrl: string, pid: number, scenario: Scenario): Promise<Measured> {
  log(`${scenario.id} ${scenario.name} (${scenario.door}): warm-up ${WARM_UP_SECONDS} s…`);
  const warmUpRequests = scenario.amount !== undefined ? Math.floor(scenario.amount * 0.2) : 0;
  const warmScenario = scenario.amount !== undefined ? { ...scenario, amount: warmUpRequests } : scenario;
  await run(baseUrl, warmScenario, WARM_UP_SECONDS, 0);
  const before = processUsage(pid);
  const started = process.hrtime.bigint();
  const result = await run(baseUrl, scenario, MEASURE_SECONDS, warmUpRequests);
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  const after = processUsage(pid);
  const statusCounts = Object.fromEntries(
    Object.entries(result.statusCodeStats ?? {}).map(([status, stats]) => [status, (stats as { count: number }).count]),
  );
  const total = Object.values(statusCounts).reduce((sum, count) => sum + count, 0);
  const expected = statusCounts[String(scenario.expect.status)] ?? 0;
  const measured: Measured = {
    id: scenario.id,
    name: scenario.name,
    door: scenario.door,
    requestsPerSecond: Math.round(expected / result.duration),
    latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99 },
    requests: total,
    statusCounts,
    unexpected: total - expected,
    errors: result.errors,
    timeouts: result.timeouts,
    serverCpuPercent: Math.round(((after.cpuSeconds - before.cpuSeconds) / elapsed) * 100),
    serverCpuMsPerRequest: total > 0 ? Math.round(((after.cpuSeconds - before.cpuSeconds) * 1000 * 10) / total) / 10 : 0,
    peakRssMiBAfter: after.peakRssMiB,
  };
  log(`  ${measured.requestsPerSecond} req/s, p50 ${measured.latencyMs.p50} ms, p99 ${measured.latencyMs.p99} ms, ${JSON.stringify(statusCounts)}, CPU ${measured.serverCpuPercent}% (${measured.serverCpuMsPerRequest} ms/request), peak RSS ${after.peakRssMiB} MiB`);
  return measured;
}

/** The in-process cost of one argon2id hash at the app's parameters: the median of 50, in milliseconds. */
async function hashCostMs(): Promise<number> {
  const { PASSWORD_HASH_OPTIONS } = await import("@/app/_server/auth/password-hash");
  const samples: number[] = [];
  for (let i = 0; i < 55; i += 1) {
    const started = process.hrtime.bigint();
    await hash(`bench password number ${i}`, PASSWORD_HASH_OPTIONS);
    if (i >= 5) samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return median(samples);
}

/**
 * Fresh reset tokens, issued through the core exactly as a request issues them (`startPasswordReset`: older links
 * revoked, hashes stored, the event recorded), in this bench process. The email that carries each token is
 * captured instead of queued, and the token read from its link: nobody reads those emails, and the bench needs
 * the token itself. No route of the app is involved.
 */
async function issueTokens(emails: string[]): Promise<{ email: string; token: string }[]> {
  const { getDb } = await import("@/app/_server/db");
  const { startPasswordReset } = await import("@/app/_server/recovery/start-password-reset");
  const { unseal } = await import("@/app/_server/secrets");
  const db = getDb();
  const issued: { email: string; token: string }[] = [];
  for (const email of emails) {
    const customer = await db.customer.findUniqueOrThrow({ where: { email }, select: { id: true, name: true, email: true } });
    let sealed = "";
    await db.$transaction(async (tx) => {
      const capture = { create: async ({ data }: { data: { payload: string } }) => ((sealed = data.payload), { id: "bench" }) };
      const writer = { passwordResetToken: tx.passwordResetToken, securityEvent: tx.securityEvent, outboxEmail: capture };
      const writes = startPasswordReset(writer as unknown as Parameters<typeof startPasswordReset>[0], customer, { ip: "127.0.0.1", userAgent: "bench" }, new Date());
      for (const write of writes) await write;
    });
    const resetUrl = new URL((JSON.parse(unseal("outbox", sealed)) as { props: { resetUrl: string } }).props.resetUrl);
    issued.push({ email, token: resetUrl.searchParams.get("token") ?? "" });
  }
  return issued;
}

async function main() {
  const deadline = setTimeout(() => {
    console.error("time limit reached");
    process.exit(1);
  }, TIME_LIMIT_MS);
  deadline.unref();
  ensureBuild();

  const customers = REQUEST_CUSTOMERS + 2 * TOKENS_PER_COMPLETION_DOOR + LANDING_TOKENS;
  const emails = await freshDatabase(customers);
  const appUrl = `http://127.0.0.1:${APP_PORT}`;
  // The same configuration as the app below, for the core running in this process (token issuing, hash cost).
  Object.assign(process.env, {
    NODE_ENV: "production",
    DATABASE_URL: BENCH_DATABASE_URL,
    AUTH_SECRET: BENCH_AUTH_SECRET,
    APP_URL: appUrl,
    RESEND_API_KEY: "re_bench",
    EMAIL_FROM: "Bench <no-reply@bench.example>",
    LOG_LEVEL: "warn",
  });
  const hashMs = await hashCostMs();
  log(`argon2id hash: median ${hashMs.toFixed(2)} ms`);
  const requestEmails = emails.slice(0, REQUEST_CUSTOMERS);
  let next = REQUEST_CUSTOMERS;
  const take = (count: number) => emails.slice(next, (next += count));
  log("issuing reset tokens through the core…");
  const pageTokens = await issueTokens(take(selected("S3") ? TOKENS_PER_COMPLETION_DOOR : 0));
  const apiTokens = await issueTokens(take(selected("S3") ? TOKENS_PER_COMPLETION_DOOR : 0));
  // One landing token is always needed: the reset form's hidden fields are read through a grant.
  const landingTokens = await issueTokens(take(selected("S4") ? LANDING_TOKENS : 1));

  const sink = await startMailSink(SINK_PORT, 0);
  const mailEnv = { RESEND_API_KEY: "re_bench", RESEND_BASE_URL: sink.url, EMAIL_FROM: "Bench <no-reply@bench.example>", APP_URL: appUrl };
  const app = await startApp(APP_PORT, { ...mailEnv, ...(EXTERNAL_WORKER ? { OUTBOX_WORKER: "external" } : {}) });
  const worker = EXTERNAL_WORKER ? startWorker(mailEnv) : null;
  const pid = app.child.pid as number;
  const results: Measured[] = [];
  try {
    const origin = { Origin: appUrl };
    const forgotForm = await readActionForm(`${appUrl}/forgot-password`);
    const loginForm = await readActionForm(`${appUrl}/login`);
    const { grant: sampleGrant } = await openGrant(appUrl, landingTokens[0] as { email: string; token: string });
    const resetForm = await readActionForm(`${appUrl}/reset-password`, { Cookie: `reset_grant=${sampleGrant}` });
    // Grants for the page door's completions, from the landing, as each shopper's browser would get one.
    const pageGrants: { grant: string }[] = [];
    for (let start = 0; start < pageTokens.length; start += CONNECTIONS) {
      pageGrants.push(...(await Promise.all(pageTokens.slice(start, start + CONNECTIONS).map((token) => openGrant(appUrl, token)))));
    }
    const newPassword = "a new passphrase for the bench";

    const formPost = (path: string, fields: Record<string, string>, n: number, extra: Record<string, string> = {}) => {
      const { body, contentType } = multipart(fields);
      return { method: "POST" as const, path, body, headers: { ...origin, ...extra, "Content-Type": contentType, "X-Forwarded-For": clientAddress(n) } };
    };
    const jsonPost = (path: string, json: unknown, n: number) => ({
      method: "POST" as const,
      path,
      body: JSON.stringify(json),
      headers: { "Content-Type": "application/json", "X-Forwarded-For": clientAddress(n) },
    });
    const known = (n: number) => requestEmails[n % requestEmails.length] as string;
    const unknown = (n: number) => `nobody-${n}@bench.example`;

    const scenarios: Scenario[] = [
      // Floors: what this machine allows through Next.js before any work of ours, in the same run, to read the rest against.
      { id: "F1", name: "floor: a route that does no work (429 page)", door: "—", expect: { status: 429, label: "page" }, request: (n) => ({ method: "GET", path: "/too-many-attempts", headers: { "X-Forwarded-For": clientAddress(n) } }) },
      { id: "F2", name: "floor: the reset API refusing a malformed address", door: "api", expect: { status: 400, label: "validation error" }, request: (n) => jsonPost("/api/v1/password-reset/request", { email: `not-an-address-${n}` }, n) },
      { id: "S1", name: "reset request, registered addresses", door: "page", expect: { status: 303, label: "redirect to the confirmation page" }, request: (n) => formPost("/forgot-password", { ...forgotForm, email: known(n) }, n) },
      { id: "S1", name: "reset request, registered addresses", door: "api", expect: { status: 202, label: "accepted" }, request: (n) => jsonPost("/api/v1/password-reset/request", { email: known(n + 4_000) }, n) },
      { id: "S2", name: "reset request, unknown addresses", door: "page", expect: { status: 303, label: "redirect to the confirmation page" }, request: (n) => formPost("/forgot-password", { ...forgotForm, email: unknown(n) }, n) },
      { id: "S2", name: "reset request, unknown addresses", door: "api", expect: { status: 202, label: "accepted" }, request: (n) => jsonPost("/api/v1/password-reset/request", { email: unknown(n + 500_000) }, n) },
      {
        id: "S3", name: "completion, fresh tokens", door: "page", expect: { status: 303, label: "redirect to sign-in" }, amount: pageGrants.length,
        request: (n) => formPost("/reset-password", { ...resetForm, password: newPassword, confirmPassword: newPassword, signOutOtherSessions: "on" }, n, { Cookie: `reset_grant=${pageGrants[n % pageGrants.length]?.grant}` }),
      },
      {
        id: "S3", name: "completion, fresh tokens", door: "api", expect: { status: 200, label: "completed" }, amount: apiTokens.length,
        request: (n) => jsonPost("/api/v1/password-reset/complete", { ...apiTokens[n % apiTokens.length], newPassword }, n),
      },
      {
        id: "S4", name: "the emailed link (landing)", door: "—", expect: { status: 303, label: "redirect with grant" },
        request: (n) => {
          const { email, token } = landingTokens[n % landingTokens.length] as { email: string; token: string };
          return { method: "GET", path: `/reset-password?token=${token}&email=${encodeURIComponent(email)}`, headers: { "X-Forwarded-For": clientAddress(n) } };
        },
      },
      { id: "S4b", name: "GET /forgot-password (prerendered)", door: "—", expect: { status: 200, label: "page" }, request: (n) => ({ method: "GET", path: "/forgot-password", headers: { "X-Forwarded-For": clientAddress(n) } }) },
      { id: "S6", name: "sign-in", door: "page", expect: { status: 303, label: "redirect to account" }, request: (n) => formPost("/login", { ...loginForm, email: known(n), password: SEEDED_PASSWORD }, n) },
    ];
    for (const scenario of scenarios.filter((candidate) => selected(candidate.id))) {
      // Each scenario starts from a quiet server: the mail a previous scenario queued is sent first, so its work
      // isn't counted against the next one (S1 leaves a backlog that would otherwise land on S2).
      await settleOutbox(sink.url);
      results.push(await measure(app.url, pid, scenario));
    }
    const mail = await settleOutbox(sink.url);
    log(`mail: ${mail.accepted} emails reached the sink; outbox ${JSON.stringify(mail.outbox)}`);
    const peakRssMiB = processUsage(pid).peakRssMiB;
    // Only a full run in the default set-up (worker inside the app) is what docs/BENCHMARKS.md records.
    const recorded = ONLY === null && !EXTERNAL_WORKER;
    report(results, { hashMs, peakRssMiB, mail }, recorded);
    if (!recorded) log("a partial or --external-worker run: printed only, docs/BENCHMARKS.md not written");
  } finally {
    await app.stop();
    await worker?.stop();
    await sink.stop();
  }
}

type MailOutcome = { accepted: number; outbox: Record<string, number> };

/**
 * Waits (at most two minutes) for the outbox to drain, then reports what reached the mail sink and what is left:
 * between scenarios so each starts quiet, and at the end, because a request scenario's figures only count if the
 * emails behind them were really sent.
 */
async function settleOutbox(sinkUrl: string): Promise<MailOutcome> {
  const { getDb } = await import("@/app/_server/db");
  const db = getDb();
  const deadline = Date.now() + 120_000;
  const counts = async () => Object.fromEntries((await db.outboxEmail.groupBy({ by: ["status"], _count: { _all: true } })).map((row) => [row.status, row._count._all]));
  // A request's work for a registered address starts up to half a second after its answer (the decorrelation delay).
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  let outbox = await counts();
  while (((outbox.pending ?? 0) > 0 || (outbox.sending ?? 0) > 0) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    outbox = await counts();
  }
  const stats = (await (await fetch(`${sinkUrl}/__test/stats`)).json()) as { accepted: number };
  return { accepted: stats.accepted, outbox };
}

/** Opens an emailed link as a browser does, and keeps the grant the landing sets. */
async function openGrant(appUrl: string, link: { email: string; token: string }): Promise<{ grant: string }> {
  const response = await fetch(`${appUrl}/reset-password?token=${link.token}&email=${encodeURIComponent(link.email)}`, { redirect: "manual" });
  const grant = /reset_grant=([^;]+)/.exec(response.headers.get("set-cookie") ?? "")?.[1];
  if (response.status !== 303 || !grant) throw new Error(`the landing did not hand out a grant (${response.status})`);
  return { grant };
}

/** How close each door came to its floor: the share of the floor's rate that a scenario reached. */
function floorReading(results: Measured[]): string {
  const rate = (id: string, door: string) => results.find((result) => result.id === id && result.door === door)?.requestsPerSecond ?? 0;
  const share = (value: number, floor: number) => (floor > 0 ? `${Math.round((value / floor) * 100)}%` : "n/a");
  const f1 = rate("F1", "—");
  const f2 = rate("F2", "api");
  return [
    `Floors in this run: a route that does no work ${f1} req/s (F1); the reset API answering a malformed address, which parses and validates but touches no database, ${f2} req/s (F2).`,
    `Against F2: S1 (api) ${share(rate("S1", "api"), f2)}, S2 (api) ${share(rate("S2", "api"), f2)}. Against F1: S4 ${share(rate("S4", "—"), f1)}, S4b ${share(rate("S4b", "—"), f1)}.`,
  ].join(" ");
}

type Check = { target: string; met: boolean; detail: string };

/**
 * Every target this run can judge on its own, met or missed. The others are ratios to Better Auth, which only a
 * side-by-side run of ../shared/bench-peer/ measures (docs/BENCHMARKS.md).
 */
function targetChecks(results: Measured[], peakRssMiB: number, complete: boolean): Check[] {
  const byKey = (id: string, door: string) => results.find((result) => result.id === id && result.door === door);
  const checks: Check[] = [];
  for (const door of ["page", "api"]) {
    const s1 = byKey("S1", door);
    const s2 = byKey("S2", door);
    if (s1 && s2) {
      const ratio = s1.requestsPerSecond / Math.max(s2.requestsPerSecond, 1);
      checks.push({ target: `S1 (${door}) ≥ 0.9 × S2`, met: ratio >= 0.9, detail: `${s1.requestsPerSecond} against ${s2.requestsPerSecond} req/s (${ratio.toFixed(2)} ×)` });
    }
  }
  for (const [id, door] of [["S1", "api"], ["S2", "api"], ["S4", "—"], ["S4b", "—"]] as const) {
    const r = byKey(id, door);
    if (r) checks.push({ target: `${id}${door === "api" ? " (api)" : ""} p99 ≤ 100 ms`, met: r.latencyMs.p99 <= 100, detail: `p99 ${r.latencyMs.p99} ms` });
  }
  // Peak RSS is a target for the whole run; a partial run reports it without judging it.
  if (complete) checks.push({ target: "peak RSS ≤ 300 MiB per process", met: peakRssMiB <= 300, detail: `${peakRssMiB} MiB` });
  return checks;
}

/** Prints the run's table and targets; `write` also records them in docs/BENCHMARKS.md and its JSON beside it. */
function report(results: Measured[], extra: { hashMs: number; peakRssMiB: number; mail: MailOutcome }, write: boolean) {
  const cores = os.cpus().length;
  const hashBoundPerSecond = Math.round((cores * 1000) / extra.hashMs);
  const checks = targetChecks(results, extra.peakRssMiB, ONLY === null);
  const file = `docs/benchmarks/load-${isPostgresUrl(BENCH_DATABASE_URL) ? "postgresql" : "sqlite"}.json`;
  const result = {
    date: new Date().toISOString().slice(0, 10),
    commit: execSync("git rev-parse --short HEAD").toString().trim(),
    machine: `${cores} × ${os.cpus()[0]?.model ?? "CPU"}, Node ${process.version}, ${os.platform()}`,
    database: isPostgresUrl(BENCH_DATABASE_URL) ? "PostgreSQL" : "SQLite (WAL)",
    outboxWorker: EXTERNAL_WORKER ? "separate process" : "in the app",
    connections: CONNECTIONS,
    warmUpSeconds: WARM_UP_SECONDS,
    measureSeconds: MEASURE_SECONDS,
    hashMedianMs: Math.round(extra.hashMs * 100) / 100,
    hashBoundPerSecond,
    peakRssMiB: extra.peakRssMiB,
    mail: extra.mail,
    scenarios: results,
    targets: checks,
  };
  const rows = results.map((r) => {
    const statuses = Object.entries(r.statusCounts).map(([status, count]) => `${status}: ${count}`).join(", ");
    return `| ${r.id} | ${r.name} | ${r.door} | ${r.requestsPerSecond} | ${r.latencyMs.p50} | ${r.latencyMs.p90} | ${r.latencyMs.p99} | ${statuses} | ${r.errors + r.timeouts} | ${r.serverCpuPercent}% | ${r.serverCpuMsPerRequest} | ${r.peakRssMiBAfter} |`;
  });
  const table = [
    `Run ${result.date} on ${result.machine}, commit ${result.commit}, ${result.database}, outbox worker ${result.outboxWorker}; ${CONNECTIONS} connections, ${WARM_UP_SECONDS} s warm-up, ${MEASURE_SECONDS} s measured (S3: until its fresh tokens ran out). Raw figures: \`${file}\`.`,
    "",
    "| | Scenario | Door | req/s | p50 ms | p90 ms | p99 ms | Statuses | Errors | Server CPU | CPU ms/request | Peak RSS of a process so far, MiB |",
    "|---|---|---|---:|---:|---:|---:|---|---:|---:|---:|---:|",
    ...rows,
    "",
    floorReading(results),
    "",
    `argon2id (m=19456 KiB, t=2, p=1), in process: median ${result.hashMedianMs} ms, so the hash-bound limit is ${cores} cores ÷ ${result.hashMedianMs} ms = ${hashBoundPerSecond}/s. Peak RSS of any one server process over the whole run: ${extra.peakRssMiB} MiB.`,
    "",
    `Mail: ${extra.mail.accepted} emails reached the Resend-compatible sink; the outbox afterwards: ${Object.entries(extra.mail.outbox).map(([status, count]) => `${status} ${count}`).join(", ")}.`,
    "",
    "| Target | Result | |",
    "|---|---|---|",
    ...checks.map((check) => `| ${check.target} | ${check.detail} | ${check.met ? "met" : "missed"} |`),
  ].join("\n");
  console.log(table);
  if (!write) return;
  mkdirSync("docs/benchmarks", { recursive: true });
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  const marker = isPostgresUrl(BENCH_DATABASE_URL) ? "load-postgresql" : "load";
  const doc = readFileSync("docs/BENCHMARKS.md", "utf8");
  const marked = new RegExp(`<!-- ${marker}:start -->[\\s\\S]*<!-- ${marker}:end -->`);
  const section = `<!-- ${marker}:start -->\n${table}\n<!-- ${marker}:end -->`;
  writeFileSync("docs/BENCHMARKS.md", marked.test(doc) ? doc.replace(marked, section) : `${doc.trimEnd()}\n\n${section}\n`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack ?? error.message : error);
  process.exit(1);
});
