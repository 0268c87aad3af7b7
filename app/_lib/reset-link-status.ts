import { formatMinutes } from "./format";

/** Why a reset link, grant or code can't be used. Shared by the core (which decides) and the pages (which explain). */
export type UnusableLinkReason = "invalid" | "expired" | "used" | "superseded";

/** How long a grant lasts: the reset page works this long after opening the link or entering the code. */
export const RESET_GRANT_TTL_MINUTES = 15;

/** What the reset page can show: an unusable link, or no link at all in this browser. */
export type ResetPageProblem = UnusableLinkReason | "missing";

const REASONS: readonly string[] = ["invalid", "expired", "used", "superseded"];

export function isUnusableLinkReason(value: unknown): value is UnusableLinkReason {
  return typeof value === "string" && REASONS.includes(value);
}

/** What each problem means, in words for the shopper: the reset pages show them, the JSON API sends them. */
export const RESET_PROBLEM_EXPLANATIONS: Record<ResetPageProblem, { title: string; body: string }> = {
  invalid: {
    title: "This reset link doesn't work",
    body: "The link is incomplete or isn't one we sent. Links sometimes break when they're copied from an email, so try clicking it again, or ask for a new one.",
  },
  expired: {
    title: "This reset link has expired",
    body: "For your security, reset links only last a short while. Ask for a new one and use it soon after it arrives.",
  },
  used: {
    title: "This reset link has already been used",
    body: "Each reset link works once. If you've just chosen a new password, sign in with it. Otherwise, ask for a new link.",
  },
  superseded: {
    title: "This reset link has been replaced",
    body: "You asked for another reset link after this one, so only the newest link works. Use the most recent email, or ask for a new link.",
  },
  missing: {
    title: "Open your reset link again",
    body: `For your security, this page only works in the browser where you opened the link from your email, for ${formatMinutes(RESET_GRANT_TTL_MINUTES)}. Open the link again, or enter the code from the email instead.`,
  },
};

/**
 * The one answer to a code that doesn't work, whatever the cause (wrong, expired, used up, an unknown address), on
 * the code page and every API, so none of them tells whether an address has an account or a pending reset.
 */
export const WRONG_CODE_MESSAGE = "That code isn't right, or it has expired. Check the most recent email from us, or ask for a new code.";
