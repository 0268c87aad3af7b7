// Preloaded (`node --import ./scripts/allow-server-only.mjs --import tsx …`) by scripts that call the server-only
// core directly, such as the seed. `import "server-only"` throws outside Next's server bundles; this resolves it to
// an empty module for those scripts only (the seed, the standalone outbox worker, the benchmarks). The app server
// itself never starts this way.
import { register } from "node:module";

register(
  `data:text/javascript,${encodeURIComponent(`
    export async function resolve(specifier, context, nextResolve) {
      if (specifier === "server-only") return { url: "data:text/javascript,export{}", shortCircuit: true };
      return nextResolve(specifier, context);
    }
  `)}`,
);
