import "server-only";
import type { Database } from "../db";

/**
 * Kills every reset link and code the customer still has. Every credential or identity event calls it, inside its
 * own transaction: a newer reset request, a completed reset, a password change, an email change, "this wasn't me".
 * It returns Prisma's lazy operation rather than running it, so it can also go into a batch transaction; awaiting
 * it runs it.
 */
export function revokeOutstandingResetLinks(writer: Pick<Database, "passwordResetToken">, customerId: string, now: Date) {
  return writer.passwordResetToken.updateMany({
    where: { customerId, usedAt: null, revokedAt: null },
    data: { revokedAt: now },
  });
}
