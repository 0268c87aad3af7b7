import "server-only";
import { recordSecurityEvent } from "../audit";
import type { RequestOrigin } from "../client-address";
import { getDb, type Database } from "../db";

/**
 * Sessions are JWTs, so they can't be deleted one by one. Instead each carries the customer's session version from
 * when it was issued, and the JWT callback (auth.ts) checks it on every use: raising the version ends every
 * session the customer has, on every device, at their next request.
 */
export async function currentSessionVersion(customerId: string): Promise<number | null> {
  const customer = await getDb().customer.findUnique({ where: { id: customerId }, select: { sessionVersion: true } });
  return customer?.sessionVersion ?? null;
}

/** Ends every session of the customer, and records it in their activity, inside the caller's transaction. */
export async function revokeAllSessions(
  writer: Pick<Database, "customer" | "securityEvent">,
  customerId: string,
  origin: RequestOrigin,
): Promise<void> {
  await writer.customer.update({ where: { id: customerId }, data: { sessionVersion: { increment: 1 } } });
  await recordSecurityEvent(customerId, "sessions_revoked", origin, writer);
}
