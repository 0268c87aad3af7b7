import { builtPageSettings, differencesFromBuild, getConfigOrExit } from "./app/_server/env";
import { startOutboxWorker } from "./app/_server/background/run-worker";

const config = getConfigOrExit();
const rebuildNeeded = differencesFromBuild(config, builtPageSettings());
if (rebuildNeeded) {
  console.error(`\n${rebuildNeeded}\n`);
  process.exit(1);
}

// Each app process delivers queued email itself unless the store runs `npm run worker` instead.
if (config.outbox.worker === "embedded") startOutboxWorker("embedded");

// Under server.mjs's supervision: this process has a valid configuration and is up. A process that stops before
// saying so stops the whole server (it would fail the same way again); one that stops after is replaced.
process.send?.("ready");
