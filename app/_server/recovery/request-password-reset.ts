import "server-only";
import { after } from "next/server";
import { createElement } from "react";
import PasswordResetEmail from "@/emails/password-reset";
import { formatMinutes } from "@/app/_lib/format";
import { getDb } from "../db";
import { sendEmail } from "../email/send-email";
import { getConfig } from "../env";
import { describeError, log } from "../log";
import { buildResetUrl } from "./reset-link";
import { generateResetToken } from "./reset-token";

/** Runs a task after the response has been sent. Next's `after` in the app; tests pass their own. */
export type RunAfterResponse = (task: () => Promise<void>) => void;

const runAfterNextResponse: RunAfterResponse = (task) => after(task);

/**
 * Accepts a reset request for an address. It does the same thing for every address, registered or not: nothing on
 * the response path looks the address up. The lookup, the token and the email happen after the response is sent,
 * so neither the answer nor its timing can tell anyone whether an account exists.
 */
export async function requestPasswordReset(
  request: { email: string },
  runAfterResponse: RunAfterResponse = runAfterNextResponse,
): Promise<void> {
  runAfterResponse(() =>
    issuePasswordReset(request.email).catch((error: unknown) => {
      log.error({ event: "password_reset.issue_failed", error: describeError(error) }, "could not issue a password reset");
    }),
  );
}

const STALE_TOKEN_RETENTION_MS = 24 * 60 * 60 * 1000;

/**
 * The work behind a request: for a registered address, revoke every older link, store the hash of a new token and
 * email the link. For an unknown address, nothing happens. A failed send is logged without the link.
 */
export async function issuePasswordReset(email: string, now = new Date()): Promise<void> {
  const db = getDb();
  const customer = await db.customer.findUnique({ where: { email }, select: { id: true, name: true, email: true } });
  if (!customer) return;

  const { resetTokenTtlMinutes, storeName } = getConfig();
  const { token, tokenHash } = generateResetToken();
  const expiresAt = new Date(now.getTime() + resetTokenTtlMinutes * 60_000);
  await db.$transaction([
    // A newer request makes every older link invalid.
    db.passwordResetToken.updateMany({
      where: { customerId: customer.id, usedAt: null, revokedAt: null },
      data: { revokedAt: now },
    }),
    // Keep a day of history so an old link still gets an accurate "used"/"replaced" message, then drop it.
    db.passwordResetToken.deleteMany({
      where: { customerId: customer.id, expiresAt: { lt: new Date(now.getTime() - STALE_TOKEN_RETENTION_MS) } },
    }),
    db.passwordResetToken.create({ data: { tokenHash, customerId: customer.id, expiresAt } }),
  ]);
  log.info({ event: "password_reset.issued", customerId: customer.id });

  try {
    await sendEmail({
      to: customer.email,
      subject: `Reset your ${storeName} password`,
      body: createElement(PasswordResetEmail, {
        storeName,
        customerName: customer.name,
        email: customer.email,
        resetUrl: buildResetUrl(token, customer.email),
        expiresIn: formatMinutes(resetTokenTtlMinutes),
      }),
    });
    log.info({ event: "password_reset.email_sent", customerId: customer.id });
  } catch (error) {
    log.error({ event: "password_reset.email_failed", customerId: customer.id, error: describeError(error) }, "reset email not sent");
  }
}
