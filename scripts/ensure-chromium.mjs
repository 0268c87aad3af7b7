#!/usr/bin/env node
// Finds a Chromium for the Playwright suite, installing one if it can. In order:
//   1. PLAYWRIGHT_CHROMIUM_PATH, if set (it must exist);
//   2. /usr/bin/chromium;
//   3. Playwright's own Chromium, if already downloaded;
//   4. Playwright's own download (`playwright install chromium`), which works on connected machines;
//   5. Debian's `chromium` package through apt-get, when running as root;
// and otherwise stops with a message saying how to get one.
// Prints the chosen executable's path on stdout; progress goes to stderr.
import { spawnSync } from "node:child_process";
import { accessSync, constants, existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const DEBIAN_CHROMIUM = "/usr/bin/chromium";
const note = (message) => process.stderr.write(`[chromium] ${message}\n`);

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

async function playwrightChromium() {
  const { chromium } = await import("@playwright/test");
  const path = chromium.executablePath();
  return path && existsSync(path) ? path : null;
}

function run(command, args, timeoutMs) {
  note(`running: ${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, {
    stdio: ["ignore", "inherit", "inherit"],
    timeout: timeoutMs,
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
  return result.status === 0;
}

export async function findOrInstallChromium() {
  const configured = process.env.PLAYWRIGHT_CHROMIUM_PATH;
  if (configured) {
    if (isExecutable(configured)) return configured;
    throw new Error(`PLAYWRIGHT_CHROMIUM_PATH is set to ${configured}, which is not an executable file.`);
  }
  if (isExecutable(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;

  const downloaded = await playwrightChromium();
  if (downloaded) return downloaded;

  note("no Chromium found; trying Playwright's own download");
  if (run(process.execPath, ["node_modules/@playwright/test/cli.js", "install", "chromium"], 5 * 60_000)) {
    const installed = await playwrightChromium();
    if (installed) return installed;
  }

  if (process.getuid?.() === 0 && existsSync("/usr/bin/apt-get")) {
    note("trying Debian's chromium package (apt-get)");
    if (run("apt-get", ["update", "-qq"], 5 * 60_000) && run("apt-get", ["install", "-y", "-qq", "chromium"], 10 * 60_000)) {
      if (isExecutable(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
    }
  }

  throw new Error(
    [
      "No Chromium is available for the browser tests, and none could be installed.",
      "Get one in any of these ways, then run the tests again:",
      "  - on a connected machine: npx playwright install chromium",
      "  - on Debian or Ubuntu:    sudo apt-get install chromium",
      "  - or point PLAYWRIGHT_CHROMIUM_PATH at an existing Chromium or Chrome executable.",
    ].join("\n"),
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    console.log(await findOrInstallChromium());
  } catch (error) {
    console.error(`\n${error.message}\n`);
    process.exit(1);
  }
}
