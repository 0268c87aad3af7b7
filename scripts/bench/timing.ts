/**
 * `npm run bench:timing`: do the doors that take an email address answer in the same time whether it has an
 * account? Three scenarios against a production build, each a stream of alternating requests sent one at a time, as
 * a browser without JavaScript submits the form, each from its own client address (the rate limits are lifted, so
 * the measurement is of the work, not of refusals):
 * - forgot password: a registered address against an unknown one. The mail provider answers after 50 ms, as a real
 *   one might; that work happens after the response, so it must not show.
 * - sign-in with a wrong password: a registered account, an unknown address, and a locked account ("This wasn't
 *   me"), each against the others.
 * - code entry with a wrong code: an address with a live code against one without.
 * Target for each pair: medians within 1 ms, and a Kolmogorov–Smirnov p-value above 0.01.
 * Writes docs/benchmarks/timing.json and the timing section of docs/BENCHMARKS.md.
 * BENCH_TIMING_SCALE=0.1 runs a tenth of the requests (a quick look, not a figure for the docs).
 */
import { createHash, randomBytes } from "node:crypto";
import { execSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import { LOCKED_PASSWORD_HASH } from "@/app/_server/auth/password-hash";
import { createDatabaseClient } from "@/prisma/client";
import { BENCH_DATABASE_URL, clientAddress, ensureBuild, freshDatabase, log, readActionForm, startApp, startMailSink } from "./harness";
import { kolmogorovSmirnov, median, percentile } from "./stats";

const SCALE = Number(process.env.BENCH_TIMING_SCALE || 1);
const RESET_REQUESTS = Math.round(2_000 * SCALE);
const SIGN_INS = Math.round(1_500 * SCALE);
const CODE_ENTRIES = Math.round(2_000 * SCALE);
const WARM_UP = Math.round(200 * SCALE);
const PROVIDER_DELAY_MS = 50;
const TIME_LIMIT_MS = 15 * 60_000;
const APP_PORT = 3310;
const SINK_PORT = 3311;
/** Entries per live code: fewer than its 5, so every one still counts against a live code. */
const ENTRIES_PER_CODE = 4;
const NO_LIMIT = "999999/15";

type Kind = string;
type Scenario = { name: string; expected: string; kinds: Kind[]; pairs: [Kind, Kind][] };
const SCENARIOS: Scenario[] = [
  { name: "Forgot password", expected: "the confirmation (303)", kinds: ["registered", "unknown"], pairs: [["registered", "unknown"]] },
  {
    name: "Sign-in, wrong password",
    expected: "the same error (200)",
    kinds: ["registered", "unknown", "locked"],
    pairs: [["registered", "unknown"], ["registered", "locked"], ["unknown", "locked"]],
  },
  { name: "Code entry, wrong code", expected: "the same error (200)", kinds: ["live code", "no code"], pairs: [["live code", "no code"]] },
];

async function timedPost(url: string, fields: Record<string, string>, client: string, expectStatus: number): Promise<number> {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.set(name, value);
  const started = process.hrtime.bigint();
  const response = await fetch(url, { method: "POST", body, headers: { Origin: new URL(url).origin, "X-Forwarded-For": client }, redirect: "manual" });
  await response.text();
  const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
  if (response.status !== expectStatus) throw new Error(`unexpected answer from ${url}: ${response.status}`);
  return elapsed;
}

async function main() {
  const deadline = Date.now() + TIME_LIMIT_MS;
  ensureBuild();
  const signInAccounts = Math.ceil((SIGN_INS + WARM_UP) / 3);
  const codeAccounts = Math.ceil((CODE_ENTRIES + WARM_UP) / 2 / ENTRIES_PER_CODE);
  // One registered address per reset request, so no per-address limit could apply even if it were on.
  const accounts = await freshDatabase(RESET_REQUESTS / 2 + WARM_UP / 2 + 2 * signInAccounts + codeAccounts);
  const resetAccounts = accounts.splice(0, RESET_REQUESTS / 2 + WARM_UP / 2);
  const registered = accounts.splice(0, signInAccounts);
  const locked = accounts.splice(0, signInAccounts);
  const withCodes = accounts;
  await prepareAccounts(locked, withCodes);

  const sink = await startMailSink(SINK_PORT, PROVIDER_DELAY_MS);
  const app = await startApp(APP_PORT, {
    RESEND_API_KEY: "re_bench",
    RESEND_BASE_URL: sink.url,
    EMAIL_FROM: "Bench <no-reply@bench.example>",
    ...Object.fromEntries(
      ["SIGN_IN_PER_ADDRESS_AND_EMAIL", "SIGN_IN_PER_EMAIL", "SIGN_IN_PER_ADDRESS", "RESET_ATTEMPT_PER_ADDRESS", "RESET_ATTEMPT_PER_LINK"].map((name) => [`RATE_LIMIT_${name}`, NO_LIMIT]),
    ),
  }).catch(async (error: unknown) => {
    await sink.stop();
    throw error;
  });
  let client = 0;
  const nextClient = () => clientAddress(client++);
  try {
    const samples: Record<string, Record<Kind, number[]>> = {};
    const run = async (scenario: Scenario, count: number, send: (kind: Kind, n: number) => Promise<number>) => {
      log(`${scenario.name}: ${WARM_UP} warm-up and ${count} measured requests, alternating ${scenario.kinds.join(", ")}…`);
      const byKind: Record<Kind, number[]> = Object.fromEntries(scenario.kinds.map((kind) => [kind, []]));
      for (let n = 0; n < WARM_UP + count; n += 1) {
        if (Date.now() > deadline) throw new Error("time limit reached");
        const kind = scenario.kinds[n % scenario.kinds.length] as Kind;
        const elapsed = await send(kind, Math.floor(n / scenario.kinds.length));
        if (n >= WARM_UP) byKind[kind]?.push(elapsed);
      }
      samples[scenario.name] = byKind;
    };

    const [resets, signIns, codes] = SCENARIOS as [Scenario, Scenario, Scenario];
    const forgot = await readActionForm(`${app.url}/forgot-password`);
    await run(resets, RESET_REQUESTS, (kind, n) =>
      timedPost(`${app.url}/forgot-password`, { ...forgot, email: kind === "registered" ? (resetAccounts[n] as string) : `nobody-${n}@bench.example` }, nextClient(), 303),
    );
    const login = await readActionForm(`${app.url}/login`);
    await run(signIns, SIGN_INS, (kind, n) => {
      const email = kind === "registered" ? registered[n] : kind === "locked" ? locked[n] : `nobody-${n}@bench.example`;
      return timedPost(`${app.url}/login`, { ...login, email: email as string, password: "not the password at all" }, nextClient(), 200);
    });
    const code = await readActionForm(`${app.url}/reset-password/code`);
    await run(codes, CODE_ENTRIES, (kind, n) => {
      const email = kind === "live code" ? withCodes[Math.floor(n / ENTRIES_PER_CODE)] : `nobody-${n}@bench.example`;
      return timedPost(`${app.url}/reset-password/code`, { ...code, email: email as string, code: "2222-2222" }, nextClient(), 200);
    });
    report(samples);
  } finally {
    await app.stop();
    await sink.stop();
  }
}

/** Locks some accounts as "This wasn't me" does, and gives others a live code (stored as its keyed hash would be). */
async function prepareAccounts(locked: string[], withCodes: string[]): Promise<void> {
  const db = createDatabaseClient(BENCH_DATABASE_URL);
  await db.customer.updateMany({ where: { email: { in: locked } }, data: { passwordHash: LOCKED_PASSWORD_HASH } });
  const customers = await db.customer.findMany({ where: { email: { in: withCodes } }, select: { id: true } });
  const now = Date.now();
  const random = () => createHash("sha256").update(randomBytes(32)).digest("base64url");
  await db.passwordResetToken.createMany({
    data: customers.map(({ id }) => ({
      customerId: id,
      tokenHash: random(),
      codeHash: random(), // no code typed will match it: every entry is a wrong code for a live one
      expiresAt: new Date(now + 60 * 60_000),
      codeExpiresAt: new Date(now + 60 * 60_000),
    })),
  });
  await db.$disconnect();
}

function report(samples: Record<string, Record<Kind, number[]>>) {
  const summary = (values: number[]) => ({ requests: values.length, medianMs: round(median(values)), p99Ms: round(percentile(values, 99)) });
  const scenarios = SCENARIOS.map((scenario) => {
    const byKind = samples[scenario.name] ?? {};
    const kinds = Object.fromEntries(scenario.kinds.map((kind) => [kind, summary(byKind[kind] ?? [])]));
    const pairs = scenario.pairs.map(([a, b]) => {
      const ks = kolmogorovSmirnov(byKind[a] ?? [], byKind[b] ?? []);
      const medianGapMs = round(Math.abs((kinds[a]?.medianMs ?? 0) - (kinds[b]?.medianMs ?? 0)));
      return { pair: `${a} / ${b}`, medianGapMs, ks: { d: round(ks.d, 4), p: round(ks.p, 4) }, met: { medianGapMs: medianGapMs <= 1, ksP: ks.p > 0.01 } };
    });
    return { name: scenario.name, expected: scenario.expected, kinds, pairs };
  });
  const result = {
    date: new Date().toISOString().slice(0, 10),
    commit: execSync("git rev-parse --short HEAD").toString().trim(),
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}, Node ${process.version}, ${os.platform()}`,
    scale: SCALE,
    providerDelayMs: PROVIDER_DELAY_MS,
    scenarios,
  };
  const lines = [
    `Run ${result.date} on ${result.machine}, commit ${result.commit}; the mail provider answered after ${PROVIDER_DELAY_MS} ms.${SCALE === 1 ? "" : ` Scale ${SCALE}.`}`,
    "",
    "| Door | Address | Requests | Median | p99 |",
    "|---|---|---:|---:|---:|",
    ...scenarios.flatMap((scenario) =>
      Object.entries(scenario.kinds).map(([kind, figures]) => `| ${scenario.name} | ${kind} | ${figures.requests} | ${figures.medianMs} ms | ${figures.p99Ms} ms |`),
    ),
    "",
    "| Door | Compared | Median gap (≤ 1 ms) | KS D | KS p (> 0.01) |",
    "|---|---|---:|---:|---:|",
    ...scenarios.flatMap((scenario) =>
      scenario.pairs.map(
        (pair) =>
          `| ${scenario.name} | ${pair.pair} | ${pair.medianGapMs} ms (${pair.met.medianGapMs ? "met" : "missed"}) | ${pair.ks.d} | ${pair.ks.p} (${pair.met.ksP ? "met" : "missed"}) |`,
      ),
    ),
  ];
  const table = lines.join("\n");
  console.log(table);
  if (SCALE !== 1) return; // a quick look: the docs keep the full run's figures
  mkdirSync("docs/benchmarks", { recursive: true });
  writeFileSync("docs/benchmarks/timing.json", `${JSON.stringify(result, null, 2)}\n`);
  const doc = readFileSync("docs/BENCHMARKS.md", "utf8");
  const marked = /<!-- timing:start -->[\s\S]*<!-- timing:end -->/;
  if (!marked.test(doc)) throw new Error("docs/BENCHMARKS.md has no timing:start/timing:end markers");
  writeFileSync("docs/BENCHMARKS.md", doc.replace(marked, `<!-- timing:start -->\n${table}\n<!-- timing:end -->`));
}

const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
