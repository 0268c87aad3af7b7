import { formatMinutes } from "./format";
import type { UnusableLinkReason } from "./reset-link-status";

/** How long a sign-up or email-change link and its code work. */
export const VERIFICATION_TTL_MINUTES = 60;

export type VerificationPageProblem = UnusableLinkReason | "missing";

const REASONS: readonly string[] = ["invalid", "expired", "used", "superseded", "missing"];

export function isVerificationPageProblem(value: unknown): value is VerificationPageProblem {
  return typeof value === "string" && REASONS.includes(value);
}

/** Why a sign-up or email-change link can't be used, in words for the shopper. */
export function verificationProblemExplanation(purpose: "sign-up" | "email-change", problem: VerificationPageProblem) {
  const what = purpose === "sign-up" ? "sign-up link" : "confirmation link";
  const again = purpose === "sign-up" ? "Start again to get a new one." : "Ask for the change again on your account page.";
  const explanations: Record<VerificationPageProblem, { title: string; body: string }> = {
    invalid: { title: `This ${what} doesn't work`, body: `The link is incomplete or isn't one we sent. Try clicking it again. ${again}` },
    expired: { title: `This ${what} has expired`, body: `Links last ${formatMinutes(VERIFICATION_TTL_MINUTES)} and work once. ${again}` },
    used: {
      title: `This ${what} has already been used`,
      body: purpose === "sign-up" ? "Your account is ready: sign in with the password you chose." : "Your address has already been confirmed.",
    },
    superseded: { title: `This ${what} was replaced`, body: `A newer email has a newer link. Use that one. ${again}` },
    missing: {
      title: "Open the link from your email",
      body: `This page works in the browser where you opened the link from your email, or entered the code, for 15 minutes. ${again}`,
    },
  };
  return explanations[problem];
}
