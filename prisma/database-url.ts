// Shared by the app, the Prisma tooling and the test harness, so they agree on which database a URL means.
export const DEFAULT_DATABASE_URL = "file:./prisma/dev.db";

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

export function isSqliteUrl(url: string): boolean {
  return url.startsWith("file:");
}
