import "server-only";
import type { ResetCodeEntry } from "@/app/_lib/validation";
import { clientLimitKey, type RequestOrigin } from "../client-address";
import { consumeRateLimits, type RateLimitCheck } from "../rate-limit";
import { checkResetCode, checkResetGrant, checkResetLink, checkResetToken, type UnusableLinkReason, type UsableResetToken } from "./reset-token-checks";

/**
 * What a client presented as the right to set a new password, as its door received it. Every door hands over what
 * it got; this module alone decides which proof that is and whether it holds. A token with the email is the link,
 * without it the token alone; a code needs the email; the cookie's grant counts only when nothing else was sent.
 */
export type PresentedResetProof = { grant?: string; token?: string; email?: string; code?: string; cookieGrant?: string };

type ResetProof =
  | { kind: "grant"; grant: string }
  | { kind: "link"; token: string; email: string }
  | { kind: "token"; token: string }
  | { kind: "code"; entry: ResetCodeEntry };

type ProofProblem = "proof-missing" | "proof-ambiguous" | "email-missing";

declare const resolved: unique symbol;

export type UnusableResetProof =
  | { status: UnusableLinkReason | "wrong-code" | ProofProblem }
  | { status: "rate-limited"; retryAfterSeconds: number };

/**
 * A proof that holds, with the token it names, or why not; and whether it came from the cookie (so a door knows
 * which grant to forget). Only `resolveResetProof` makes a valid one, and `completePasswordReset` takes nothing else.
 */
export type ResolvedResetProof = ({ status: "valid"; token: UsableResetToken; readonly [resolved]: true } | UnusableResetProof) & {
  fromCookie: boolean;
};

function chooseResetProof(presented: PresentedResetProof): { proof: ResetProof; fromCookie: boolean } | ProofProblem {
  const { grant, token, email, code, cookieGrant } = presented;
  const given = [grant, token, code].filter((part) => part !== undefined).length;
  if (given > 1) return "proof-ambiguous";
  if (code !== undefined) return email === undefined ? "email-missing" : { proof: { kind: "code", entry: { email, code } }, fromCookie: false };
  if (token !== undefined) return { proof: email === undefined ? { kind: "token", token } : { kind: "link", token, email }, fromCookie: false };
  if (grant !== undefined) return { proof: { kind: "grant", grant }, fromCookie: false };
  if (cookieGrant !== undefined) return { proof: { kind: "grant", grant: cookieGrant }, fromCookie: true };
  return "proof-missing";
}

/**
 * Decides which proof was presented and whether it holds, counting the attempt: against the client (every kind),
 * and for a code against its address and the code's own 5 entries. A code is checked, not spent: completing uses
 * up its link, and the code dies with it.
 */
export async function resolveResetProof(presented: PresentedResetProof, origin: RequestOrigin, now = new Date()): Promise<ResolvedResetProof> {
  const choice = chooseResetProof(presented);
  if (typeof choice === "string") return { status: choice, fromCookie: false };
  const { proof, fromCookie } = choice;
  const check = await checkProof(proof, origin, now);
  if (check.status === "rate-limited") return { ...check, fromCookie };
  if (check.status !== "valid") return { status: check.status, fromCookie };
  return { status: "valid", token: check.token, fromCookie } as ResolvedResetProof;
}

async function checkProof(proof: ResetProof, origin: RequestOrigin, now: Date) {
  const clientLimit: RateLimitCheck = ["RESET_ATTEMPT_PER_ADDRESS", clientLimitKey(origin)];
  // A code is counted in the same transaction as its entry (checkResetCode); every other proof first.
  if (proof.kind === "code") return checkResetCode(proof.entry, [clientLimit, ["RESET_ATTEMPT_PER_LINK", `code:${proof.entry.email}`]], now);
  const limit = await consumeRateLimits([clientLimit]);
  if (limit.limited) return { status: "rate-limited" as const, retryAfterSeconds: limit.retryAfterSeconds };
  switch (proof.kind) {
    case "grant":
      return checkResetGrant(proof.grant, now);
    case "link":
      return checkResetLink(proof, now);
    case "token":
      return checkResetToken(proof.token, now);
  }
}
