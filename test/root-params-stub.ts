// Stands in for `next/root-params` under Vitest (see vitest.config.ts): Next's compiler makes that module for each
// build, from the app's root layouts. A test renders no page, so there is no page language.
export async function locale(): Promise<string | undefined> {
  return undefined;
}
