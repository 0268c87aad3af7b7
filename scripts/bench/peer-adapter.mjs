// The bench peer harness's adapter for this store (../shared/bench-peer/adapters/ours.mjs), with seeding changed for
// email-first sign-up. Everything else (server start, mail capture, the reset requests, the landing pages) is the
// shared adapter's own, imported from the harness, so both sides of a run keep talking to the same doors.
//
//   node ../shared/bench-peer/drive.mjs --adapter scripts/bench/peer-adapter.mjs --users 5000 …
// (run from the project root; BENCH_PEER_DIR points elsewhere if the harness isn't at ../shared/bench-peer).
//
// Why: the shared adapter seeds by posting name, email and password to /register, which created an account in one
// request. Sign-up now proves the address first (a link or code by email, then name and password), so that post only
// sends an email. Here the known users are written into the fresh database as verified customers, each with an argon2id
// hash of their own password (scripts/bench/seed-known-users.ts), and the driver's seed step signs each one in through
// the no-JS login form: a user counts as "created" only once the store has let them in with their password.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";

const APP = path.resolve(process.env.OURS_APP_DIR || process.cwd());
const PEER = path.resolve(process.env.BENCH_PEER_DIR || path.join(APP, "../shared/bench-peer"));
if (!fs.existsSync(path.join(PEER, "drive.mjs"))) throw new Error(`no bench peer harness at ${PEER}: set BENCH_PEER_DIR`);

// The shared adapter raises the per-client limits the reset scenarios need; seeding also signs every known user in
// from one loopback client, so the per-client sign-in limit goes up too (per-email limits stay the app's defaults).
process.env.OURS_ENV = JSON.stringify({
  RATE_LIMIT_SIGN_IN_PER_ADDRESS: "999999/15",
  ...(process.env.OURS_ENV ? JSON.parse(process.env.OURS_ENV) : {}),
});

// The driver's own options that matter here, read as it reads them (--users N or --users=N; its defaults).
const { values: driverOptions } = parseArgs({
  args: process.argv.slice(2),
  options: { users: { type: "string", default: "2000" }, out: { type: "string", default: path.join(PEER, "results") } },
  strict: false,
  allowPositionals: true,
});
const LOADED_AT = Date.now();

const shared = await import(pathToFileURL(path.join(PEER, "adapters/ours.mjs")).href);
const { knownUser } = await import(pathToFileURL(path.join(PEER, "lib/users.mjs")).href);

export const { name, mailSettleMs, baseUrl, isBuilt, build, snapshot, restore, signIn, requestReset, confirmReset, expectStatus, landing, mailbox, hashCost } = shared;

// The shared adapter starts a mail capture server with the first store and never stops it, so the driver would wait on
// it forever once it has written its results. After a store stops, this watches for the driver's results file (written
// once, at the very end, after the last store has stopped) and then stops the capture server.
let watchForResults = null;

function resultsWritten() {
  try {
    return fs.readdirSync(driverOptions.out).some((file) => file.startsWith(`${shared.name}-`) && file.endsWith(".json") && fs.statSync(path.join(driverOptions.out, file)).mtimeMs >= LOADED_AT);
  } catch {
    return false;
  }
}

function stopCaptureServer() {
  for (const pid of fs.readdirSync("/proc").filter((entry) => /^\d+$/.test(entry))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
      const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]); // fields after "(command)": state, ppid
      const command = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8");
      if (parent === process.pid && command.includes("resend-capture.mjs")) process.kill(-Number(pid), "SIGTERM");
    } catch {
      // a process that ended while we looked
    }
  }
}

export async function start(options) {
  clearInterval(watchForResults);
  const server = await shared.start(options);
  return {
    ...server,
    async stop(...args) {
      const stopped = await server.stop(...args);
      clearInterval(watchForResults);
      watchForResults = setInterval(() => {
        if (!resultsWritten()) return;
        clearInterval(watchForResults);
        stopCaptureServer();
      }, 1000);
      return stopped;
    },
  };
}

/** The driver's --users: resetState() seeds that many, the same identities the driver uses. */
function userCount() {
  const count = Number(driverOptions.users);
  if (!Number.isInteger(count) || count < 1) throw new Error(`bad --users ${driverOptions.users}`);
  return count;
}

// Where the shared adapter keeps the store's SQLite database (a private detail of adapters/ours.mjs: if it moves there,
// seeding here fails loudly, as the migrated database won't be found).
const DATABASE = path.join(PEER, "results/raw/ours-state/bench.db");

export async function resetState() {
  const state = await shared.resetState();
  const count = userCount();
  const usersFile = path.join(path.dirname(DATABASE), "known-users.json");
  fs.writeFileSync(usersFile, JSON.stringify(Array.from({ length: count }, (_, i) => knownUser(i + 1))));
  const started = Date.now();
  const seeded = spawnSync(
    process.execPath,
    ["--import", "./scripts/allow-server-only.mjs", "--import", "tsx", "scripts/bench/seed-known-users.ts", usersFile],
    { cwd: APP, env: { PATH: process.env.PATH, HOME: process.env.HOME, DATABASE_URL: `file:${DATABASE}` }, encoding: "utf8", timeout: 15 * 60_000 },
  );
  if (seeded.status !== 0) throw new Error(`seeding the known users failed: ${seeded.stderr || seeded.error}`);
  return { ...state, seeded_in_database: count, seed_seconds: (Date.now() - started) / 1000 };
}

export function info() {
  const base = shared.info();
  const git = (...args) => spawnSync("git", args, { cwd: APP, encoding: "utf8" }).stdout?.trim() ?? "";
  return {
    ...base,
    commit: `${git("rev-parse", "--short", "HEAD")}${git("status", "--porcelain") ? " (with uncommitted changes)" : ""}`,
    adapter: "scripts/bench/peer-adapter.mjs (the shared ours.mjs, seeding changed for email-first sign-up)",
    config: {
      ...base.config,
      rate_limit: `${base.config.rate_limit}; sign-in per client raised too, for the seed's sign-ins`,
      doors: "S1-S3 through the native JSON API; users written to the database as verified customers (their own argon2id hashes), then each signed in through the no-JS login form",
    },
  };
}

/** The driver's seed step: sign the user in; a 303 to /account means the seeded account works. */
export function signUp(user) {
  return signIn(user.email, user.password);
}
export function classifySignUp(response) {
  const location = response.headers?.location ?? "";
  return response.status === 303 && /\/account(\?|$)/.test(location) ? "created" : "error";
}
