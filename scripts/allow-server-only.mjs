// Preloaded (`node --import ./scripts/allow-server-only.mjs --import tsx …`) by scripts that call the server-only
// core directly, such as the seed. `import "server-only"` throws outside Next's server bundles; this resolves it to
// an empty module for those scripts only (the seed, the standalone outbox worker, the benchmarks). The app server
// itself never starts this way. `next/root-params` exists only inside Next's build too: outside it there is no page,
// so no page language (app/_server/shopper-language.ts then falls back to English).
import { register } from "node:module";

register(
  `data:text/javascript,${encodeURIComponent(`
    export async function resolve(specifier, context, nextResolve) {
      if (specifier === "server-only") return { url: "data:text/javascript,export{}", shortCircuit: true };
      if (specifier === "next/root-params") {
        return { url: "data:text/javascript,export const locale = async () => undefined;", shortCircuit: true };
      }
      return nextResolve(specifier, context);
    }
  `)}`,
);
