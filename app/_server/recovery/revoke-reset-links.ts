import "server-only";
import type { Database } from "../db";

/**
 * Kills every reset link and code the customer still has. Every credential or identity event calls it, inside its
 * own transaction: a newer reset request, a completed reset, a password change, an email change, "this wasn't me".
 */
export async function revokeOutstandingResetLinks(
  writer: Pick<Database, "passwordResetToken">,
  customerId: string,
  now: Date,
): Promise<void> {
  await writer.passwordResetToken.updateMany({
    where: { customerId, usedAt: null, revokedAt: null },
    data: { revokedAt: now },
  });
}
