#!/usr/bin/env node
// `npm run build`: the production build (`next build`, which also type-checks), then the Content-Security-Policy of
// the pages it prerendered (scripts/static-page-csp.ts), which server.mjs needs to serve them.
import { spawnSync } from "node:child_process";

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
for (const args of [["node_modules/next/dist/bin/next", "build"], ["--import", "tsx", "scripts/static-page-csp.ts"]]) {
  const { status } = spawnSync(process.execPath, args, { stdio: "inherit", env });
  if (status !== 0) process.exit(status ?? 1);
}
