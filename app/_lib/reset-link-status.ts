/** Why a reset link, grant or code can't be used. Shared by the core (which decides) and the pages (which explain). */
export type UnusableLinkReason = "invalid" | "expired" | "used" | "superseded";

/** What the reset page can show: an unusable link, or no link at all in this browser. */
export type ResetPageProblem = UnusableLinkReason | "missing";

const REASONS: readonly string[] = ["invalid", "expired", "used", "superseded"];

export function isUnusableLinkReason(value: unknown): value is UnusableLinkReason {
  return typeof value === "string" && REASONS.includes(value);
}
