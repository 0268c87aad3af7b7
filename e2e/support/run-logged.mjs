#!/usr/bin/env node
// Runs a command with everything it prints copied to a log file as well as to this process's output:
//   node e2e/support/run-logged.mjs <log file> <command> [args…]
// The e2e suite starts its long-running stores through it, so that e2e/logs.scan.ts can read every line they logged
// during the run. Signals are passed on (server.mjs ignores a repeated one), and the exit code is the command's.
import { spawn } from "node:child_process";
import { createWriteStream, mkdirSync } from "node:fs";
import path from "node:path";

const [logFile, command, ...args] = process.argv.slice(2);
if (!logFile || !command) {
  console.error("usage: run-logged.mjs <log file> <command> [args…]");
  process.exit(2);
}
mkdirSync(path.dirname(logFile), { recursive: true });
const log = createWriteStream(logFile, { flags: "w" });
const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"] });
child.stdout.on("data", (chunk) => {
  log.write(chunk);
  process.stdout.write(chunk);
});
child.stderr.on("data", (chunk) => {
  log.write(chunk);
  process.stderr.write(chunk);
});
for (const signal of ["SIGTERM", "SIGINT"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => {
  log.end(() => process.exit(code ?? (signal ? 1 : 0)));
});
