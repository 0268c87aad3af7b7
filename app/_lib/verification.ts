import type { UnusableLinkReason } from "./reset-link-status";

/** How long a sign-up or email-change link and its code work. */
export const VERIFICATION_TTL_MINUTES = 60;

export type VerificationPageProblem = UnusableLinkReason | "missing";

const REASONS: readonly string[] = ["invalid", "expired", "used", "superseded", "missing"];

export function isVerificationPageProblem(value: unknown): value is VerificationPageProblem {
  return typeof value === "string" && REASONS.includes(value);
}
