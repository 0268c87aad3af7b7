import "server-only";
import { randomInt } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { after } from "next/server";
import { formatMinutes } from "@/app/_lib/format";
import { recordSecurityEvent } from "../audit";
import type { RequestOrigin } from "../client-address";
import { type Database, getDb } from "../db";
import { getConfig } from "../env";
import { describeError, log } from "../log";
import { enqueueEmail } from "../outbox/enqueue-email";
import { wakeOutboxWorker } from "../outbox/worker-registry";
import { consumeRateLimits } from "../rate-limit";
import { formatResetCode, generateResetCode, hashResetCode, RESET_CODE_TTL_MINUTES } from "./reset-code";
import { buildResetCodeUrl, buildResetUrl } from "./emailed-links";
import { generateSecretToken } from "./secret-token";
import { revokeOutstandingResetLinks } from "./revoke-reset-links";

export type RunAfterResponse = (task: () => Promise<void>) => void;

/**
 * Work for a real account (a lookup that finds it, a token, an email to render and send) costs CPU that an unknown
 * address doesn't. Run right after the response, it would slow whichever request comes next, and an attacker timing
 * a follow-up request could tell that the address has an account. So it starts at a random moment within half a
 * second: whatever it slows down has nothing to do with the request that caused it. (The per-address limit, 3
 * requests in 15 minutes, also caps how often anyone can probe one address.)
 */
const DECORRELATION_WINDOW_MS = 500;
const runDecoupledFromResponse: RunAfterResponse = (task) =>
  after(async () => {
    await sleep(randomInt(DECORRELATION_WINDOW_MS));
    await task();
  });

const ACCEPTED = { status: "accepted" } as const;

/**
 * Accepts a reset request, doing the same for every address: the limits count it, and nothing on the response
 * path looks the address up, so neither the answer nor its timing says whether an account exists. Over a limit it
 * is dropped quietly: the caller shows the same confirmation, and no email is sent.
 */
export async function requestPasswordReset(
  request: { email: string },
  origin: RequestOrigin,
  runAfterResponse: RunAfterResponse = runDecoupledFromResponse,
): Promise<{ status: "accepted" }> {
  const limit = await consumeRateLimits([
    ["RESET_REQUEST_PER_EMAIL", request.email],
    ["RESET_REQUEST_PER_ADDRESS", origin.ip],
  ]);
  if (limit.limited) {
    log.info({ event: "password_reset.throttled" }, "reset request over its rate limit; no email sent");
    return ACCEPTED;
  }
  runAfterResponse(() =>
    issuePasswordReset(request.email, origin).catch((error: unknown) => {
      log.error({ event: "password_reset.issue_failed", error: describeError(error) }, "could not issue a password reset");
    }),
  );
  return ACCEPTED;
}


const STALE_TOKEN_RETENTION_MS = 24 * 60 * 60 * 1000;

/** The work behind a request: for a registered address, a new link and code with their email; else nothing. */
export async function issuePasswordReset(email: string, origin: RequestOrigin, now = new Date()): Promise<void> {
  const db = getDb();
  const customer = await db.customer.findUnique({ where: { email }, select: { id: true, name: true, email: true } });
  if (!customer) return;
  // One batch transaction: the writes don't depend on each other, and a batch costs about half the server CPU of an
  // interactive transaction doing the same (docs/BENCHMARKS.md), on the path every registered address takes.
  await db.$transaction(startPasswordReset(db, customer, origin, now));
  log.info({ event: "password_reset.issued", customerId: customer.id });
  wakeOutboxWorker();
}

type ResetWriter = Pick<Database, "passwordResetToken" | "securityEvent" | "outboxEmail">;

/**
 * The writes that start a reset, for the caller to commit in one transaction (batch or interactive): older links
 * die, the hashes of a new token and code are stored, and the email carrying both is queued, so neither exists
 * without the other. The token and code themselves exist only inside the sealed queued email.
 */
export function startPasswordReset(
  tx: ResetWriter,
  customer: { id: string; name: string; email: string },
  origin: RequestOrigin,
  now: Date,
) {
  const { resetTokenTtlMinutes, storeName } = getConfig();
  const { token, tokenHash } = generateSecretToken();
  const code = generateResetCode();
  const expiresAt = new Date(now.getTime() + resetTokenTtlMinutes * 60_000);
  const codeExpiresAt = new Date(Math.min(expiresAt.getTime(), now.getTime() + RESET_CODE_TTL_MINUTES * 60_000));
  return [
    // A newer request makes every older link and code invalid.
    revokeOutstandingResetLinks(tx, customer.id, now),
    // Keep a day of history so an old link still gets an accurate "used"/"replaced" message, then drop it.
    tx.passwordResetToken.deleteMany({
      where: { customerId: customer.id, expiresAt: { lt: new Date(now.getTime() - STALE_TOKEN_RETENTION_MS) } },
    }),
    tx.passwordResetToken.create({
      data: { tokenHash, customerId: customer.id, expiresAt, codeHash: hashResetCode(tokenHash, code), codeExpiresAt },
      select: { id: true },
    }),
    recordSecurityEvent(customer.id, "password_reset_requested", origin, tx),
    enqueueEmail(tx, {
      to: customer.email,
      subject: `Reset your ${storeName} password`,
      template: "password-reset",
      props: {
        storeName,
        customerName: customer.name,
        email: customer.email,
        resetUrl: buildResetUrl(token, customer.email),
        expiresIn: formatMinutes(resetTokenTtlMinutes),
        code: formatResetCode(code),
        codeUrl: buildResetCodeUrl(),
        codeExpiresIn: formatMinutes(Math.round((codeExpiresAt.getTime() - now.getTime()) / 60_000)),
      },
    }),
  ];
}
