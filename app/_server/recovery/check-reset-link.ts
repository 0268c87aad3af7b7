import "server-only";
import type { UnusableLinkReason } from "@/app/_lib/reset-link-status";
import { resetLinkSchema } from "@/app/_lib/validation";
import { getDb } from "../db";
import { hashResetToken } from "./reset-token";

export type { UnusableLinkReason };

// Only the holder of a real token can learn more than "invalid" about it.
export type ResetLinkCheck =
  | { status: "valid"; tokenHash: string; customerId: string; email: string; expiresAt: Date }
  | { status: UnusableLinkReason };

/**
 * Checks a reset link's token and email WITHOUT using the token up: opening the link (a shopper, a mail scanner, a
 * browser prefetch) changes nothing. Only completePasswordReset consumes it.
 * Takes the raw query values, so a mangled link (missing, malformed or mismatched parts) is simply "invalid".
 */
export async function checkResetLink(link: { token: unknown; email: unknown }, now = new Date()): Promise<ResetLinkCheck> {
  const parsed = resetLinkSchema.safeParse(link);
  if (!parsed.success) return { status: "invalid" };
  const tokenHash = hashResetToken(parsed.data.token);
  const stored = await getDb().passwordResetToken.findUnique({
    where: { tokenHash },
    select: { customerId: true, expiresAt: true, usedAt: true, revokedAt: true, customer: { select: { email: true } } },
  });
  // A token presented with another account's email is treated exactly like an unknown token.
  if (!stored || stored.customer.email !== parsed.data.email) return { status: "invalid" };
  if (stored.usedAt) return { status: "used" };
  if (stored.revokedAt) return { status: "superseded" };
  if (stored.expiresAt <= now) return { status: "expired" };
  return { status: "valid", tokenHash, customerId: stored.customerId, email: parsed.data.email, expiresAt: stored.expiresAt };
}
