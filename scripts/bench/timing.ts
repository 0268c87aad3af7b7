/**
 * `npm run bench:timing`: does the forgot-password answer take the same time for a registered and an unknown
 * address? Sends about 2,000 alternating requests (known, unknown, known, …) to a production build, one at a time,
 * as a browser without JavaScript submits the form, and compares the two latency distributions.
 * The mail provider answers after 50 ms, as a real one might: that work happens after the response, so it must
 * not show. Target: medians within 1 ms, and a Kolmogorov–Smirnov p-value above 0.01.
 * Writes docs/benchmarks/timing.json and the timing section of docs/BENCHMARKS.md.
 */
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { execSync } from "node:child_process";
import os from "node:os";
import { clientAddress, ensureBuild, freshDatabase, log, readActionForm, startApp, startMailSink } from "./harness";
import { kolmogorovSmirnov, median, percentile } from "./stats";

const REQUESTS = 2_000;
const WARM_UP = 200;
const PROVIDER_DELAY_MS = 50;
const TIME_LIMIT_MS = 10 * 60_000;
const APP_PORT = 3310;
const SINK_PORT = 3311;

async function timedPost(url: string, form: Record<string, string>, email: string, client: string): Promise<number> {
  const body = new FormData();
  for (const [name, value] of Object.entries(form)) body.set(name, value);
  body.set("email", email);
  const started = process.hrtime.bigint();
  const response = await fetch(url, {
    method: "POST",
    body,
    headers: { Origin: new URL(url).origin, "X-Forwarded-For": client },
    redirect: "manual",
  });
  await response.text();
  const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
  if (response.status !== 303 || response.headers.get("location") !== "/forgot-password/sent") throw new Error(`unexpected answer: ${response.status}`);
  return elapsed;
}

async function main() {
  const deadline = Date.now() + TIME_LIMIT_MS;
  ensureBuild();
  // One known address per known request, so the per-address limit (3 in 15 minutes) never applies.
  const known = await freshDatabase(REQUESTS / 2 + WARM_UP / 2);
  const sink = await startMailSink(SINK_PORT, PROVIDER_DELAY_MS);
  const app = await startApp(APP_PORT, {
    RESEND_API_KEY: "re_bench",
    RESEND_BASE_URL: sink.url,
    EMAIL_FROM: "Bench <no-reply@bench.example>",
  });
  try {
    const pageUrl = `${app.url}/forgot-password`;
    const form = await readActionForm(pageUrl);
    const samples = { known: [] as number[], unknown: [] as number[] };
    log(`sending ${WARM_UP} warm-up and ${REQUESTS} measured requests, alternating known and unknown…`);
    for (let n = 0; n < WARM_UP + REQUESTS; n += 1) {
      if (Date.now() > deadline) throw new Error("time limit reached");
      const isKnown = n % 2 === 0;
      const email = isKnown ? (known[n / 2] as string) : `nobody-${n}@bench.example`;
      const elapsed = await timedPost(pageUrl, form, email, clientAddress(n));
      if (n >= WARM_UP) samples[isKnown ? "known" : "unknown"].push(elapsed);
    }
    report(samples);
  } finally {
    await app.stop();
    await sink.stop();
  }
}

function report(samples: { known: number[]; unknown: number[] }) {
  const summary = (values: number[]) => ({
    requests: values.length,
    medianMs: round(median(values)),
    p99Ms: round(percentile(values, 99)),
  });
  const known = summary(samples.known);
  const unknown = summary(samples.unknown);
  const ks = kolmogorovSmirnov(samples.known, samples.unknown);
  const medianGapMs = round(Math.abs(known.medianMs - unknown.medianMs));
  const result = {
    date: new Date().toISOString().slice(0, 10),
    commit: execSync("git rev-parse --short HEAD").toString().trim(),
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}, Node ${process.version}, ${os.platform()}`,
    providerDelayMs: PROVIDER_DELAY_MS,
    known,
    unknown,
    medianGapMs,
    ks: { d: round(ks.d, 4), p: round(ks.p, 4) },
    targets: { medianGapMs: medianGapMs <= 1, ksP: ks.p > 0.01 },
  };
  mkdirSync("docs/benchmarks", { recursive: true });
  writeFileSync("docs/benchmarks/timing.json", `${JSON.stringify(result, null, 2)}\n`);
  const table = [
    `Run ${result.date} on ${result.machine}, commit ${result.commit}; the mail provider answered after ${PROVIDER_DELAY_MS} ms.`,
    "",
    "| Address | Requests | Median | p99 |",
    "|---|---:|---:|---:|",
    `| Registered | ${known.requests} | ${known.medianMs} ms | ${known.p99Ms} ms |`,
    `| Unknown | ${unknown.requests} | ${unknown.medianMs} ms | ${unknown.p99Ms} ms |`,
    "",
    `Median gap ${medianGapMs} ms (target ≤ 1 ms: ${result.targets.medianGapMs ? "met" : "missed"}). ` +
      `Kolmogorov–Smirnov D = ${result.ks.d}, p = ${result.ks.p} (target p > 0.01: ${result.targets.ksP ? "met" : "missed"}).`,
  ].join("\n");
  const doc = readFileSync("docs/BENCHMARKS.md", "utf8");
  const marked = /<!-- timing:start -->[\s\S]*<!-- timing:end -->/;
  if (!marked.test(doc)) throw new Error("docs/BENCHMARKS.md has no timing:start/timing:end markers");
  writeFileSync("docs/BENCHMARKS.md", doc.replace(marked, `<!-- timing:start -->\n${table}\n<!-- timing:end -->`));
  console.log(table);
}

const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
