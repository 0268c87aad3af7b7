import "server-only";
import type { RequestOrigin } from "../client-address";
import { getDb } from "../db";
import { describeError, log } from "../log";
import { seal, unseal } from "../secrets";
import { startPasswordReset } from "./start-password-reset";

/**
 * Reset requests as rows. Accepting one commits a row and nothing else, the same for every address, so a crash a
 * moment after the answer loses nothing and the answer costs the same whether an account exists. The background
 * worker then turns each row into a link, a code and their email, or, for an unknown address, just deletes it.
 */
const REQUEST_LEASE_MS = 30_000;
const BATCH_SIZE = 20;

type RequestedReset = { email: string; origin: RequestOrigin };

export function recordResetRequest(email: string, origin: RequestOrigin) {
  const content: RequestedReset = { email, origin };
  return getDb().resetRequest.create({ data: { payload: seal("reset-request", JSON.stringify(content)) }, select: { id: true } });
}

/**
 * One pass: claims up to a batch of requests (one conditional write each, with a lease, so any number of workers
 * may run) and issues them. Returns how many it claimed.
 */
export async function issueRequestedResets(workerId: string, now = new Date()): Promise<number> {
  const db = getDb();
  const due = { OR: [{ claimedBy: null }, { leaseExpiresAt: { lt: now } }] };
  const candidates = await db.resetRequest.findMany({ where: due, orderBy: { createdAt: "asc" }, take: BATCH_SIZE, select: { id: true, payload: true } });
  let claimed = 0;
  for (const candidate of candidates) {
    const { count } = await db.resetRequest.updateMany({
      where: { ...due, id: candidate.id },
      data: { claimedBy: workerId, leaseExpiresAt: new Date(now.getTime() + REQUEST_LEASE_MS) },
    });
    if (count !== 1) continue;
    claimed += 1;
    await issueRequestedReset(candidate, workerId, now).catch((error: unknown) => {
      // It stays claimed until its lease runs out, then it is tried again.
      log.error({ event: "password_reset.issue_failed", error: describeError(error) }, "could not issue a password reset; will retry");
    });
  }
  return claimed;
}

async function issueRequestedReset(row: { id: string; payload: string }, workerId: string, now: Date): Promise<void> {
  const request = openRequest(row.payload);
  if (!request) {
    log.error({ event: "password_reset.request_unreadable" }, "a reset request can't be read (sealed under another AUTH_SECRET?); kept");
    return;
  }
  const db = getDb();
  const held = { id: row.id, claimedBy: workerId };
  const customer = await db.customer.findUnique({ where: { email: request.email }, select: { id: true, name: true, email: true } });
  if (!customer) {
    await db.resetRequest.deleteMany({ where: held });
    return;
  }
  // One batch transaction: the request is used up in the same commit as the writes that start the reset. (A batch
  // costs about half the CPU of an interactive transaction, docs/BENCHMARKS.md.) Only a worker whose lease ran out
  // mid-pass, 30 s, could find the request already taken; it then says so, having sent a second link.
  const [taken] = await db.$transaction([db.resetRequest.deleteMany({ where: held }), ...startPasswordReset(db, customer, request.origin, now)]);
  if (taken.count !== 1) log.warn({ event: "password_reset.issued_twice", customerId: customer.id }, "a reset request was issued by two workers");
  log.info({ event: "password_reset.issued", customerId: customer.id });
}

function openRequest(payload: string): RequestedReset | null {
  try {
    return JSON.parse(unseal("reset-request", payload)) as RequestedReset;
  } catch {
    return null;
  }
}
