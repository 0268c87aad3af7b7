/**
 * The test suites create, change and delete accounts. They refuse to run against anything but a local database,
 * so a mistyped DATABASE_URL can't point them at a real store.
 */
export function assertLocalDatabase(databaseUrl: string): void {
  if (databaseUrl.startsWith("file:")) return;
  const host = URL.canParse(databaseUrl) ? new URL(databaseUrl).hostname : "";
  if (["localhost", "127.0.0.1", "[::1]"].includes(host)) return;
  throw new Error(`Refusing to run tests against a non-local database (${host || "unparseable URL"}).`);
}
