import "server-only";
import { asLocale, type Locale } from "@/i18n/locales.mjs";
import { randomUUID } from "node:crypto";
import type { RequestOrigin } from "../client-address";
import { lockCustomersByEmail } from "../auth/customer-lock";
import { getDb } from "../db";
import { describeError, log } from "../log";
import { type RateLimitCheck, withinLimits } from "../rate-limit";
import { seal, unseal } from "../secrets";
import { sendSignUpMail } from "./sign-up-mail";
import { startPasswordReset } from "./start-password-reset";

/**
 * Requests that mail an address, as rows: password resets and sign-ups. Accepting one commits a row and nothing
 * else, the same for every address, so a crash a moment after the answer loses nothing and the answer costs the
 * same whether an account exists. The background worker then turns each row into what it calls for: for a reset,
 * a link, a code and their email (or, for an unknown address, nothing); for a sign-up, a link and code to finish
 * (or, for an address that has an account, a note to its owner).
 */
const REQUEST_LEASE_MS = 30_000;
const BATCH_SIZE = 20;

export type AddressRequestKind = "password-reset" | "sign-up";
/**
 * What a row holds (sealed). Rows queued before sign-ups existed have no kind: they are resets; rows queued before
 * emails had a language have no locale: English.
 */
type RequestedMail = { kind?: AddressRequestKind; email: string; origin: RequestOrigin; locale?: Locale };

/**
 * The statement that records a request, provided the attempt just counted (in the same transaction) is within its
 * limits: Prisma's lazy operation, resolving to 1 when it recorded the request and 0 when a limit kept it out.
 */
export function recordAddressRequest(content: RequestedMail, limits: readonly RateLimitCheck[], now: Date) {
  return getDb().$executeRaw`
    INSERT INTO "ResetRequest" ("id", "payload", "createdAt")
    SELECT ${randomUUID()}, ${seal("reset-request", JSON.stringify(content))}, ${now}
    WHERE ${withinLimits(limits, now)}`;
}

/**
 * One pass: claims up to a batch of requests (one conditional write, with a lease, so any number of workers may
 * run) and issues them, in a few statements for the whole batch. Returns how many it claimed.
 */
export async function issueRequestedResets(workerId: string, now = new Date()): Promise<number> {
  const db = getDb();
  const due = { OR: [{ claimedBy: null }, { leaseExpiresAt: { lt: now } }] };
  const candidates = await db.resetRequest.findMany({ where: due, orderBy: { createdAt: "asc" }, take: BATCH_SIZE, select: { id: true } });
  if (candidates.length === 0) return 0;
  await db.resetRequest.updateMany({
    where: { ...due, id: { in: candidates.map(({ id }) => id) } },
    data: { claimedBy: workerId, leaseExpiresAt: new Date(now.getTime() + REQUEST_LEASE_MS) },
  });
  const claimed = await db.resetRequest.findMany({ where: { id: { in: candidates.map(({ id }) => id) }, claimedBy: workerId }, select: { id: true, payload: true } });
  await issueClaimed(claimed, workerId, now).catch((error: unknown) => {
    // They stay claimed until their lease runs out, then they are tried again.
    log.error({ event: "password_reset.issue_failed", error: describeError(error) }, "could not issue password resets; will retry");
  });
  return claimed.length;
}

async function issueClaimed(claimed: { id: string; payload: string }[], workerId: string, now: Date): Promise<void> {
  const requests = claimed.flatMap((row) => {
    const request = openRequest(row.payload);
    if (request) return [{ id: row.id, ...request }];
    log.error({ event: "password_reset.request_unreadable" }, "a reset request can't be read (sealed under another AUTH_SECRET?); kept");
    return [];
  });
  if (requests.length === 0) return;
  const emails = [...new Set(requests.map(({ email }) => email))];

  // One transaction: the requests are used up in the same commit as the writes that start their resets, and who has
  // each address is read inside it, under the customers' locks (lockCustomersByEmail): a reset never goes to an
  // address its account has just left, nor slips past a revocation committing at the same moment. Only a worker
  // whose lease ran out mid-pass, 30 s, could find a request already taken; it then says so, having sent a second link.
  const issued = await getDb().$transaction(async (tx) => {
    await lockCustomersByEmail(tx, emails);
    const customers = await tx.customer.findMany({ where: { email: { in: emails } }, select: { id: true, name: true, email: true, locale: true } });
    const byEmail = new Map(customers.map((customer) => [customer.email, customer]));
    const known = requests.flatMap((request) => {
      const customer = byEmail.get(request.email);
      return customer ? [{ ...request, customer }] : [];
    });
    // Unknown addresses' reset requests are just deleted, with the rest.
    const taken = await tx.resetRequest.deleteMany({ where: { id: { in: requests.map(({ id }) => id) }, claimedBy: workerId } });
    if (taken.count !== requests.length) log.warn({ event: "password_reset.issued_twice" }, "reset requests were issued by two workers");
    for (const { kind, customer, origin, locale } of known) {
      if (kind === "sign-up") await sendSignUpMail(tx, { email: customer.email, holder: customer, locale }, origin, now);
      else for (const write of startPasswordReset(tx, customer, origin, now, asLocale(locale))) await write;
    }
    for (const { email, origin, locale } of requests.filter(({ kind, email }) => kind === "sign-up" && !byEmail.has(email))) {
      await sendSignUpMail(tx, { email, holder: null, locale }, origin, now);
    }
    return known;
  });
  for (const { kind, customer } of issued) {
    if (kind !== "sign-up") log.info({ event: "password_reset.issued", customerId: customer.id });
  }
}

function openRequest(payload: string): RequestedMail | null {
  try {
    return JSON.parse(unseal("reset-request", payload)) as RequestedMail;
  } catch {
    return null;
  }
}
