import { builtPageSettings, differencesFromBuild, getConfigOrExit } from "./app/_server/env";
import { startOutboxWorker } from "./app/_server/background/run-worker";
import { log } from "./app/_server/log";

const config = getConfigOrExit();
const rebuildNeeded = differencesFromBuild(config, builtPageSettings());
if (rebuildNeeded) {
  console.error(`\n${rebuildNeeded}\n`);
  process.exit(1);
}

// Allowed only with a second, explicit setting (env.ts); still worth shouting about at every start.
if (config.isProduction && config.devMailboxEnabled) {
  log.warn(
    { event: "dev_mailbox.public_in_production" },
    "DANGER: /dev/mailbox is served in production. It shows every email the store sends, reset links included, to anyone who opens it. Use it only for a demo nobody else can reach.",
  );
}

// Each app process delivers queued email itself unless the store runs `npm run worker` instead.
if (config.outbox.worker === "embedded") startOutboxWorker("embedded");

// Under server.mjs's supervision: this process has a valid configuration and is up. A process that stops before
// saying so stops the whole server (it would fail the same way again); one that stops after is replaced.
process.send?.("ready");
