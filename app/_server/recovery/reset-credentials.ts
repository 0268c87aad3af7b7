import "server-only";
import type { UnusableLinkReason } from "@/app/_lib/reset-link-status";
import { resetLinkSchema, resetTokenSchema } from "@/app/_lib/validation";
import { getDb } from "../db";
import { issueResetGrant, readResetGrant } from "./reset-grant";
import { hashResetToken } from "./reset-token";

export type { UnusableLinkReason };

/** A reset token that can still be used, as found through a link, a grant or a code. */
export type UsableResetToken = { id: string; customerId: string; email: string; expiresAt: Date };

// Only the holder of a real token (or grant) can learn more about it than "invalid".
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

/**
 * Checks a reset link's token and email WITHOUT using the token up: opening the link (a shopper, a mail scanner, a
 * browser prefetch) changes nothing. Takes the raw query values, so a mangled link (missing, malformed or
 * mismatched parts) is simply "invalid".
 */
export async function checkResetLink(link: { token: unknown; email: unknown }, now = new Date()): Promise<ResetTokenCheck> {
  const parsed = resetLinkSchema.safeParse(link);
  if (!parsed.success) return { status: "invalid" };
  const stored = await getDb().passwordResetToken.findUnique({
    where: { tokenHash: hashResetToken(parsed.data.token) },
    select: tokenFields,
  });
  // A token presented with another account's email is treated exactly like an unknown token.
  if (stored && stored.customer.email !== parsed.data.email) return { status: "invalid" };
  return checkStoredToken(stored, now);
}

/**
 * Checks a token on its own, for the compatibility APIs whose clients don't send the email with it (Medusa's update
 * call, Magento's with an empty email or customer id 0). The token alone is 256 random bits, so the email is a
 * second check, not the security of the link; it is used wherever the client has it.
 */
export async function checkResetToken(token: unknown, now = new Date()): Promise<ResetTokenCheck> {
  const parsed = resetTokenSchema.safeParse(token);
  if (!parsed.success) return { status: "invalid" };
  const stored = await getDb().passwordResetToken.findUnique({ where: { tokenHash: hashResetToken(parsed.data) }, select: tokenFields });
  return checkStoredToken(stored, now);
}

/** Checks a reset grant (from the cookie or an API client) and the token it names, without using either up. */
export async function checkResetGrant(grant: unknown, now = new Date()): Promise<ResetTokenCheck> {
  const reading = readResetGrant(grant, now);
  if (reading.status !== "valid") return reading;
  const stored = await getDb().passwordResetToken.findUnique({ where: { id: reading.claims.tokenId }, select: tokenFields });
  return checkStoredToken(stored, now);
}

export type OpenedResetLink =
  | { status: "valid"; grant: string; grantExpiresAt: Date; linkExpiresAt: Date; email: string }
  | { status: UnusableLinkReason };

/**
 * Exchanges a valid link for a short-lived grant, so the token can leave the URL (the landing page puts the grant
 * in a cookie; an API client keeps it). Nothing is written: the token stays unused until the password is set.
 */
export async function openResetLink(link: { token: unknown; email: unknown }, now = new Date()): Promise<OpenedResetLink> {
  const check = await checkResetLink(link, now);
  if (check.status !== "valid") return check;
  const { grant, expiresAt } = issueResetGrant(check.token.id, check.token.expiresAt, now);
  return { status: "valid", grant, grantExpiresAt: expiresAt, linkExpiresAt: check.token.expiresAt, email: check.token.email };
}
