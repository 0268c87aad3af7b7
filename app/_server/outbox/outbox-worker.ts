import "server-only";
import { randomInt, randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { type Database, getDb } from "../db";
import { deliverToDevMailbox } from "../email/dev-mailbox";
import { isEmailTemplateName, type QueuedEmail, renderEmail } from "../email/email-templates";
import { EmailDeliveryError } from "../email/rendered-email";
import { deliverThroughResend } from "../email/resend-transport";
import { getConfig } from "../env";
import { describeError, log } from "../log";
import { unseal } from "../secrets";

/**
 * Delivers the outbox (see enqueue-email.ts). Any number of workers may run at once, in the app's processes and in
 * `npm run worker` processes, on SQLite or PostgreSQL:
 * - A worker claims a message with one conditional write (compare-and-swap on status and attempts), so two workers
 *   can never both hold it. The claim is a lease: if the worker dies, the lease runs out and another one retries.
 * - Each message is sent with its id as Resend's Idempotency-Key, so a retry after a send that did go through (the
 *   worker died before recording it) is answered from Resend's record instead of sending again. The dev mailbox
 *   stores the message in the same transaction that marks it sent.
 * - A failed send is retried with exponential backoff and jitter; after the last attempt the message is marked
 *   failed and logged as an error. Its content is erased once it is sent or has failed.
 */

const POLL_INTERVAL_MS = 1_000;
const BATCH_SIZE = 20;
const PARALLEL_SENDS = 8;

/**
 * A message this worker holds, with its content. The content is read with the candidates: it is only ever emptied
 * when a message reaches "sent" or "failed", and the claim below succeeds only if the row is still in the state it
 * was read in, so what was read is what is being sent (and the send costs no extra query).
 */
type Claim = { id: string; attempt: number; template: string; payload: string };

/** The message was taken over by another worker (our lease ran out): that worker now owns the outcome. */
class LeaseLost extends Error {}

export class OutboxWorker {
  readonly id = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private timer: NodeJS.Timeout | undefined;
  private currentPass: Promise<number> | undefined;
  private nextPassAt = Number.POSITIVE_INFINITY;
  /** A wake-up that came during a pass: the window within which the next pass should start. */
  private wakeWithinMs: number | undefined;
  private stopping = false;

  /**
   * `beforeDelivery` runs at the start of every pass, so work that queues mail (turning reset requests into resets)
   * is done by the same worker, under the same schedule, and its mail goes out in the same pass.
   */
  constructor(
    private readonly db: Database = getDb(),
    private readonly beforeDelivery?: (workerId: string, now: Date) => Promise<number>,
  ) {}

  /** Polls the outbox until `stop()`. */
  start(): this {
    this.schedule(0);
    return this;
  }

  /**
   * Looks at the outbox before the next poll: now, or at a random moment within `withinMs` (so that the work it
   * does can't be tied to the request that woke it).
   */
  wake({ withinMs = 0 }: { withinMs?: number } = {}): void {
    if (this.stopping) return;
    if (this.currentPass) {
      this.wakeWithinMs = Math.min(this.wakeWithinMs ?? withinMs, withinMs);
      return;
    }
    const delayMs = withinMs > 0 ? randomInt(withinMs) : 0;
    if (Date.now() + delayMs < this.nextPassAt) this.schedule(delayMs);
  }

  /**
   * Graceful shutdown: claims nothing more, lets the sends in progress finish (each is bounded by the send
   * timeout), and hands back claimed messages it had not started, so another worker can take them at once.
   */
  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.timer);
    await this.currentPass;
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.timer);
    this.nextPassAt = Date.now() + delayMs;
    this.timer = setTimeout(() => void this.tick(), delayMs);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    if (this.stopping || this.currentPass) return;
    this.nextPassAt = Number.POSITIVE_INFINITY;
    this.currentPass = this.deliverDue().catch((error: unknown) => {
      log.error({ event: "outbox.pass_failed", worker: this.id, error: describeError(error) }, "outbox pass failed; will retry");
      return 0;
    });
    const handled = await this.currentPass;
    this.currentPass = undefined;
    if (this.stopping) return;
    // A full batch means more may be waiting; so may a wake-up that came during the pass.
    const wakeWithinMs = this.wakeWithinMs;
    this.wakeWithinMs = undefined;
    if (handled >= BATCH_SIZE) this.schedule(0);
    else if (wakeWithinMs !== undefined) this.schedule(wakeWithinMs > 0 ? randomInt(wakeWithinMs) : 0);
    else this.schedule(POLL_INTERVAL_MS);
  }

  /**
   * One pass: the work before delivery, then up to a batch of due messages claimed and delivered. Returns how
   * many items it took on, of both kinds.
   */
  async deliverDue(now = new Date()): Promise<number> {
    const prepared = this.beforeDelivery ? await this.beforeDelivery(this.id, now) : 0;
    const claims = await this.claimDue(now);
    const queue = [...claims];
    const sender = async () => {
      for (let claim = queue.shift(); claim; claim = queue.shift()) {
        if (this.stopping) await this.release(claim);
        else await this.deliver(claim);
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL_SENDS, claims.length) }, sender));
    return prepared + claims.length;
  }

  private async claimDue(now: Date): Promise<Claim[]> {
    if (this.stopping) return [];
    const due = {
      OR: [
        { status: "pending", nextAttemptAt: { lte: now } },
        // A worker that claimed this died or hung: its lease is over.
        { status: "sending", leaseExpiresAt: { lt: now } },
      ],
    };
    const candidates = await this.db.outboxEmail.findMany({
      where: due,
      orderBy: { nextAttemptAt: "asc" },
      take: BATCH_SIZE,
      select: { id: true, status: true, attempts: true, template: true, payload: true },
    });
    const leaseExpiresAt = new Date(now.getTime() + leaseMs());
    const claims: Claim[] = [];
    for (const candidate of candidates) {
      // Compare-and-swap: it only succeeds if nobody claimed (or finished) the message since we read it.
      const { count } = await this.db.outboxEmail.updateMany({
        where: { ...due, id: candidate.id, status: candidate.status, attempts: candidate.attempts },
        data: { status: "sending", claimedBy: this.id, leaseExpiresAt, attempts: { increment: 1 } },
      });
      if (count === 1) {
        claims.push({ id: candidate.id, attempt: candidate.attempts + 1, template: candidate.template, payload: candidate.payload });
      }
    }
    return claims;
  }

  private async deliver(claim: Claim): Promise<void> {
    const message = openPayload(claim.template, claim.payload);
    if (!message) {
      await this.keepUnreadable(claim);
      return;
    }
    try {
      const rendered = await renderEmail(message);
      const { emailTransport, outbox } = getConfig();
      if (emailTransport.kind === "resend") {
        await deliverThroughResend(rendered, {
          apiKey: emailTransport.apiKey,
          idempotencyKey: `outbox-email/${claim.id}`,
          timeoutMs: outbox.sendTimeoutMs,
        });
        if (!(await this.markSent(this.db, claim))) throw new LeaseLost();
      } else {
        await this.db.$transaction(async (tx) => {
          if (!(await this.markSent(tx, claim))) throw new LeaseLost();
          await deliverToDevMailbox(tx, rendered);
        });
      }
      log.info({ event: "email.sent", outboxId: claim.id, template: claim.template, attempt: claim.attempt });
    } catch (error) {
      if (error instanceof LeaseLost) {
        log.warn({ event: "outbox.lease_lost", outboxId: claim.id }, "another worker took this message over");
      } else if ((error instanceof EmailDeliveryError && error.permanent) || claim.attempt >= getConfig().outbox.maxAttempts) {
        await this.fail(claim, describeError(error).message, claim.template);
      } else {
        await this.retryLater(claim, describeError(error).message);
      }
    }
  }

  /** Marks the message sent and erases its content, if this worker still holds it. */
  private async markSent(writer: Pick<Database, "outboxEmail">, claim: Claim): Promise<boolean> {
    const { count } = await writer.outboxEmail.updateMany({
      where: { id: claim.id, status: "sending", claimedBy: this.id },
      data: { status: "sent", sentAt: new Date(), payload: "", claimedBy: null, leaseExpiresAt: null, lastError: null },
    });
    return count === 1;
  }

  private async retryLater(claim: Claim, reason: string): Promise<void> {
    const { retryBaseMs, retryMaxMs } = getConfig().outbox;
    const delayMs = retryDelayMs(claim.attempt, retryBaseMs, retryMaxMs);
    await this.db.outboxEmail.updateMany({
      where: { id: claim.id, status: "sending", claimedBy: this.id },
      data: { status: "pending", nextAttemptAt: new Date(Date.now() + delayMs), claimedBy: null, leaseExpiresAt: null, lastError: reason },
    });
    log.warn({ event: "email.retry_scheduled", outboxId: claim.id, attempt: claim.attempt, retryInMs: delayMs, reason }, "email not sent; will retry");
  }

  private async fail(claim: Claim, reason: string, template: string): Promise<void> {
    await this.db.outboxEmail.updateMany({
      where: { id: claim.id, status: "sending", claimedBy: this.id },
      data: { status: "failed", payload: "", claimedBy: null, leaseExpiresAt: null, lastError: reason },
    });
    log.error(
      { event: "email.failed", outboxId: claim.id, template, attempts: claim.attempt, reason },
      "email failed for good; the customer did not get it",
    );
  }

  /**
   * A message no accepted secret opens (AUTH_SECRET rotated without the old one in AUTH_SECRET_PREVIOUS, or a process
   * with the wrong secret) or whose template this version doesn't know. It is the customer's mail, and a process
   * configured right can still send it, so it is never dropped: it goes back to the queue, without using up an
   * attempt, to be tried again after the longest retry wait, and every try says so in the log.
   */
  private async keepUnreadable(claim: Claim): Promise<void> {
    const reason = "can't be read here: sealed under a secret that is neither AUTH_SECRET nor in AUTH_SECRET_PREVIOUS, or an unknown template";
    const retryInMs = getConfig().outbox.retryMaxMs;
    await this.db.outboxEmail.updateMany({
      where: { id: claim.id, status: "sending", claimedBy: this.id },
      data: { status: "pending", nextAttemptAt: new Date(Date.now() + retryInMs), claimedBy: null, leaseExpiresAt: null, lastError: reason, attempts: { decrement: 1 } },
    });
    log.error(
      { event: "email.unreadable", outboxId: claim.id, template: claim.template, retryInMs },
      "a queued email can't be read by this process and stays queued: add the secret it was sealed with to AUTH_SECRET_PREVIOUS",
    );
  }

  /** Hands a claimed message back untouched (shutdown): the attempt it was charged is returned too. */
  private async release(claim: Claim): Promise<void> {
    await this.db.outboxEmail.updateMany({
      where: { id: claim.id, status: "sending", claimedBy: this.id },
      data: { status: "pending", claimedBy: null, leaseExpiresAt: null, attempts: { decrement: 1 } },
    });
  }
}

/**
 * Long enough that a live worker never loses a message mid-send (three send timeouts, at least 5 s, since rendering
 * comes first), short enough that mail held by a worker that died goes out soon after (30 s with the defaults).
 */
function leaseMs(): number {
  return Math.max(5_000, 3 * getConfig().outbox.sendTimeoutMs);
}

/**
 * Exponential backoff with "equal jitter": the n-th retry waits between half and all of base × 2^(n-1), capped at
 * five minutes, so workers retrying after an outage spread out instead of arriving at the provider together.
 */
export function retryDelayMs(attempt: number, baseMs: number, maxMs: number): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(attempt - 1, 30));
  return Math.ceil(ceiling / 2) + randomInt(Math.max(1, Math.floor(ceiling / 2)));
}

function openPayload(template: string, payload: string): QueuedEmail | null {
  if (!isEmailTemplateName(template)) return null;
  try {
    return { template, ...JSON.parse(unseal("outbox", payload)) } as QueuedEmail;
  } catch {
    return null;
  }
}

/** Delivers everything due now, pass after pass, until nothing is left (tests and the standalone worker's drain). */
export async function drainOutbox(worker = new OutboxWorker()): Promise<number> {
  let total = 0;
  for (let pass = 0; pass < 1_000; pass++) {
    const handled = await worker.deliverDue();
    total += handled;
    if (handled === 0) break;
  }
  return total;
}
