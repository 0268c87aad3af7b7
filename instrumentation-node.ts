import { getConfigOrExit } from "./app/_server/env";
import { startOutboxWorker } from "./app/_server/background/run-worker";

const config = getConfigOrExit();

// Each app process delivers queued email itself unless the store runs `npm run worker` instead.
if (config.outbox.worker === "embedded") startOutboxWorker("embedded");
