import "server-only";
import type { Database } from "../db";

/**
 * Kills every reset link and code the customer still has, inside the transaction of whatever changed the account.
 * Prisma's lazy operation, so a batch transaction can take it too.
 */
export function revokeOutstandingResetLinks(writer: Pick<Database, "passwordResetToken">, customerId: string, now: Date) {
  return writer.passwordResetToken.updateMany({
    where: { customerId, usedAt: null, revokedAt: null },
    data: { revokedAt: now },
  });
}
