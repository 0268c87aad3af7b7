/**
 * Where the JSON APIs answer, in Next's rewrite syntax: the one list of API paths. next.config.ts rewrites each
 * compatibility facade's paths from it into the facade route (app/api/facades/[facade]/[...path]), and proxy.ts's
 * matcher (a literal, as Next requires) leaves all of them out, which api-mounts.test.ts checks against this list.
 * Adding a facade means its table in app/_server/api/facades/ and its line here.
 */
export const FACADE_NAMES = ["magento", "medusa", "commerce-engine"] as const;
export type FacadeName = (typeof FACADE_NAMES)[number];

type ApiMount = { surface: "native" | FacadeName; source: string };

export const API_MOUNTS: readonly ApiMount[] = [
  // The native API and the facade route itself.
  { surface: "native", source: "/api/:path*" },
  { surface: "magento", source: "/rest/:path*" },
  { surface: "medusa", source: "/auth/customer/emailpass/:path*" },
  // Mounted under a prefix chosen at run time (COMMERCE_ENGINE_PATH_PREFIX), which a rewrite fixed at build time
  // can't know: every …/auth/forgot-password and …/auth/reset-password goes to the facade, which answers only under
  // the configured prefix (no page has such a path).
  { surface: "commerce-engine", source: "/:prefix*/auth/:action(forgot-password|reset-password)" },
];

export const FACADE_ROUTE_PREFIX = "/api/facades";

/** The rewrites next.config.ts applies: each facade's paths into the facade route, with the public path kept. */
export function facadeRewrites(): { source: string; destination: string }[] {
  return API_MOUNTS.filter((mount) => mount.surface !== "native").map(({ surface, source }) => ({
    source,
    // The same parameters, without their patterns: "/:prefix*/auth/:action(a|b)" → "/:prefix*/auth/:action".
    destination: `${FACADE_ROUTE_PREFIX}/${surface}${source.replace(/\([^)]*\)/g, "")}`,
  }));
}
