import "server-only";
import type { UnusableLinkReason } from "@/app/_lib/reset-link-status";
import { type ResetCodeEntry, resetLinkSchema } from "@/app/_lib/validation";
import { getDb } from "../db";
import { attemptOutcome, countAttempt, type RateLimitCheck, withinLimits } from "../rate-limit";
import { RESET_CODE_MAX_ATTEMPTS, resetCodeMatches } from "./reset-code";
import { readResetGrant } from "./reset-grant";
import { hashSecretToken, isSecretTokenShape } from "./secret-token";

export type { UnusableLinkReason };

export type UsableResetToken = { id: string; customerId: string; email: string; expiresAt: Date };

export type ResetTokenCheck = { status: "valid"; token: UsableResetToken } | { status: UnusableLinkReason };

const tokenFields = {
  id: true,
  customerId: true,
  expiresAt: true,
  usedAt: true,
  revokedAt: true,
  customer: { select: { email: true } },
} as const;

type StoredToken = { id: string; customerId: string; expiresAt: Date; usedAt: Date | null; revokedAt: Date | null; customer: { email: string } };

function checkStoredToken(stored: StoredToken | null, now: Date): ResetTokenCheck {
  if (!stored) return { status: "invalid" };
  if (stored.usedAt) return { status: "used" };
  if (stored.revokedAt) return { status: "superseded" };
  if (stored.expiresAt <= now) return { status: "expired" };
  return {
    status: "valid",
    token: { id: stored.id, customerId: stored.customerId, email: stored.customer.email, expiresAt: stored.expiresAt },
  };
}

function findStoredToken(where: { tokenHash: string } | { id: string }): Promise<StoredToken | null> {
  return getDb().passwordResetToken.findUnique({ where, select: tokenFields });
}

/**
 * Checks a reset link's token and email WITHOUT using the token up: opening the link (a shopper, a mail scanner, a
 * prefetch) changes nothing. Takes the raw query values, so a mangled link is simply "invalid".
 */
export async function checkResetLink(link: { token: unknown; email: unknown }, now = new Date()): Promise<ResetTokenCheck> {
  const parsed = resetLinkSchema.safeParse(link);
  if (!parsed.success) return { status: "invalid" };
  const stored = await findStoredToken({ tokenHash: hashSecretToken(parsed.data.token) });
  // A token presented with another account's email is treated exactly like an unknown token.
  return checkStoredToken(stored?.customer.email === parsed.data.email ? stored : null, now);
}

/**
 * Checks a token on its own, for the compatibility APIs whose clients don't send the email with it. The token is
 * 256 random bits, so the email is a second check, not the security of the link.
 */
export async function checkResetToken(token: unknown, now = new Date()): Promise<ResetTokenCheck> {
  if (!isSecretTokenShape(token)) return { status: "invalid" };
  return checkStoredToken(await findStoredToken({ tokenHash: hashSecretToken(token) }), now);
}

export async function checkResetGrant(grant: unknown, now = new Date()): Promise<ResetTokenCheck> {
  const reading = readResetGrant(grant, now);
  if (reading.status !== "valid") return reading;
  return checkResetTokenById(reading.claims.tokenId, now);
}

export async function checkResetTokenById(id: string, now = new Date()): Promise<ResetTokenCheck> {
  return checkStoredToken(await findStoredToken({ id }), now);
}

/**
 * Checks the code from a reset email against the address's live code, counting the entry. A code works for at most
 * 10 minutes and 5 entries, and only while its link does. Every failure looks the same (unknown address, no live
 * code, wrong code, too many entries), and so does the work: one read, then one transaction that counts the
 * attempt against `limits` and, within them, the entry against the code (a row for a live code, none otherwise),
 * so an address with a live code commits no more often, and no slower to measure, than one without.
 */
export async function checkResetCode(
  entry: ResetCodeEntry,
  limits: readonly RateLimitCheck[],
  now = new Date(),
): Promise<{ status: "valid"; token: UsableResetToken } | { status: "wrong-code" } | { status: "rate-limited"; retryAfterSeconds: number }> {
  const db = getDb();
  const token = await db.passwordResetToken.findFirst({
    where: {
      customer: { email: entry.email },
      usedAt: null,
      revokedAt: null,
      expiresAt: { gt: now },
      codeHash: { not: null },
      codeExpiresAt: { gt: now },
    },
    orderBy: { createdAt: "desc" },
    select: { id: true, customerId: true, tokenHash: true, codeHash: true, expiresAt: true },
  });
  // The entry counts before it is compared, in one conditional write, so concurrent guesses can't exceed the limit.
  const [counters, entered] = await db.$transaction([
    countAttempt(limits, now),
    db.$executeRaw`
      UPDATE "PasswordResetToken" SET "codeAttempts" = "codeAttempts" + 1
      WHERE "id" = ${token?.id ?? ""} AND "codeAttempts" < ${RESET_CODE_MAX_ATTEMPTS} AND ${withinLimits(limits, now)}`,
  ]);
  const limit = attemptOutcome(limits, counters, now);
  if (limit.limited) return { status: "rate-limited", retryAfterSeconds: limit.retryAfterSeconds };
  const matches = resetCodeMatches(token?.tokenHash ?? "", entry.code, token?.codeHash ?? "");
  if (!token?.codeHash || entered !== 1 || !matches) return { status: "wrong-code" };
  return { status: "valid", token: { id: token.id, customerId: token.customerId, email: entry.email, expiresAt: token.expiresAt } };
}
