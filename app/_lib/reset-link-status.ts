/** Why a reset link, grant or code can't be used. Shared by the core (which decides) and the pages (which explain). */
export type UnusableLinkReason = "invalid" | "expired" | "used" | "superseded";

/** How long a grant lasts: the reset page works this long after opening the link or entering the code. */
export const RESET_GRANT_TTL_MINUTES = 15;

/**
 * What the reset page can show: an unusable link, or no link at all in this browser. Each has its words in the
 * catalogue's recovery.linkProblems; the JSON API sends the same ones. A code that doesn't work, whatever the cause
 * (wrong, expired, used up, an unknown address), has one answer everywhere (recovery.wrongCode), so none of them
 * tells whether an address has an account or a pending reset.
 */
export type ResetPageProblem = UnusableLinkReason | "missing";

const REASONS: readonly string[] = ["invalid", "expired", "used", "superseded"];

export function isUnusableLinkReason(value: unknown): value is UnusableLinkReason {
  return typeof value === "string" && REASONS.includes(value);
}
