import "server-only";
import type { NewPassword, ResetCodeEntry } from "@/app/_lib/validation";
import { replacePassword } from "../account/replace-password";
import { hashPassword } from "../auth/password-hash";
import { passwordPolicyProblem } from "../auth/password-policy";
import type { RequestOrigin } from "../client-address";
import { getDb } from "../db";
import { log } from "../log";
import { wakeOutboxWorker } from "../outbox/enqueue-email";
import { consumeRateLimits } from "../rate-limit";
import { matchResetCode } from "./redeem-reset-code";
import { issueResetGrant } from "./reset-grant";
import { checkResetGrant, checkResetLink, checkResetToken, type ResetTokenCheck, type UnusableLinkReason } from "./reset-credentials";

/**
 * What proves the right to set a new password: a grant (from the cookie or an API client), the link's parts, or
 * the token alone (for compatibility APIs whose clients don't send the email; see `checkResetToken`).
 */
export type ResetCredential = { grant: unknown } | { token: unknown; email: unknown } | { tokenOnly: unknown };

export type CompletePasswordResetResult =
  | { status: "completed"; customerId: string; email: string }
  | { status: UnusableLinkReason }
  | { status: "rate-limited"; retryAfterSeconds: number }
  | { status: "password-rejected"; message: string };

class TokenAlreadyConsumed extends Error {}

function checkCredential(credential: ResetCredential, now: Date): Promise<ResetTokenCheck> {
  if ("grant" in credential) return checkResetGrant(credential.grant, now);
  if ("tokenOnly" in credential) return checkResetToken(credential.tokenOnly, now);
  return checkResetLink(credential, now);
}

/**
 * Sets a new password with a reset link or grant.
 * - Attempts are rate-limited per client address and per link.
 * - The password must pass the shared policy (not common, not the email, not the current password).
 * - The token is consumed by one conditional write (unused, not revoked, unexpired; exactly one row changed) in the
 *   same transaction as the password change, so of any number of concurrent submissions exactly one succeeds, and a
 *   failure leaves both the token and the old password as they were.
 * - The account's other links die; with signOutOtherSessions, so does every session.
 * - The email telling the customer, with a "This wasn't me" link, is queued in the same transaction.
 */
export async function completePasswordReset(
  input: { credential: ResetCredential; newPassword: NewPassword; signOutOtherSessions: boolean },
  origin: RequestOrigin,
  options: { now?: Date; clientAttemptCounted?: boolean } = {},
): Promise<CompletePasswordResetResult> {
  const now = options.now ?? new Date();
  if (!options.clientAttemptCounted) {
    const perClient = await consumeRateLimits([["RESET_ATTEMPT_PER_ADDRESS", origin.ip]]);
    if (perClient.limited) return { status: "rate-limited", retryAfterSeconds: perClient.retryAfterSeconds };
  }

  // Cheap reads first, so a dead link costs no password hashing.
  const check = await checkCredential(input.credential, now);
  if (check.status !== "valid") return check;
  const { token } = check;
  const perLink = await consumeRateLimits([["RESET_ATTEMPT_PER_LINK", `link:${token.id}`]]);
  if (perLink.limited) return { status: "rate-limited", retryAfterSeconds: perLink.retryAfterSeconds };

  const db = getDb();
  const customer = await db.customer.findUniqueOrThrow({
    where: { id: token.customerId },
    select: { id: true, name: true, email: true, passwordHash: true },
  });
  const problem = await passwordPolicyProblem(input.newPassword, {
    email: customer.email,
    currentPasswordHash: customer.passwordHash,
  });
  if (problem) return { status: "password-rejected", message: problem };

  const passwordHash = await hashPassword(input.newPassword);
  try {
    await db.$transaction(async (tx) => {
      const consumed = await tx.passwordResetToken.updateMany({
        where: { id: token.id, usedAt: null, revokedAt: null, expiresAt: { gt: now } },
        data: { usedAt: now },
      });
      if (consumed.count !== 1) throw new TokenAlreadyConsumed();
      return replacePassword(
        tx,
        { customer, passwordHash, signOutOtherSessions: input.signOutOtherSessions, via: "password-reset" },
        origin,
        now,
      );
    });
  } catch (error) {
    if (!(error instanceof TokenAlreadyConsumed)) throw error;
    // Another submission won the race (or the link died in between): report why, as the landing page would.
    const recheck = await checkCredential(input.credential, now);
    return { status: recheck.status === "valid" ? "used" : recheck.status };
  }

  log.info({ event: "password_reset.completed", customerId: token.customerId });
  wakeOutboxWorker();
  return { status: "completed", customerId: token.customerId, email: customer.email };
}

export type CompleteWithCodeResult = CompletePasswordResetResult | { status: "wrong-code" };

/**
 * Sets a new password with the code from a reset email, in one call (the JSON API, and Commerce Engine's
 * otp/otp_token). The code is matched (the entry counts against its 5) but not spent: completing uses up its link,
 * and the code dies with it. So a refusal (a common password, the current one, a lost race) leaves the code as
 * usable as before. Rules that don't need the account are checked first, so such a refusal costs no entry either.
 * Every failure of the code itself is "wrong-code", whatever the cause.
 */
export async function completePasswordResetWithCode(
  input: { entry: ResetCodeEntry; newPassword: NewPassword; signOutOtherSessions: boolean },
  origin: RequestOrigin,
): Promise<CompleteWithCodeResult> {
  const problem = await passwordPolicyProblem(input.newPassword, { email: input.entry.email });
  if (problem) return { status: "password-rejected", message: problem };
  const now = new Date();
  const matched = await matchResetCode(input.entry, origin, now);
  if (matched.status !== "valid") return matched;
  // A grant minted here and used at once: the same path as every other completion, with the client's attempt
  // already counted by the code check.
  const { grant } = issueResetGrant(matched.token.id, matched.token.expiresAt, now);
  return completePasswordReset(
    { credential: { grant }, newPassword: input.newPassword, signOutOtherSessions: input.signOutOtherSessions },
    origin,
    { now, clientAttemptCounted: true },
  );
}
