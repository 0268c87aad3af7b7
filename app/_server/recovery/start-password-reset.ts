import "server-only";
import { formatDuration } from "@/app/_lib/format";
import { DEFAULT_LOCALE, type Locale } from "@/i18n/locales.mjs";
import { recordSecurityEvent } from "../audit";
import type { RequestOrigin } from "../client-address";
import type { Database } from "../db";
import { getConfig } from "../env";
import { enqueueEmail } from "../outbox/enqueue-email";
import { buildResetCodeUrl, buildResetUrl } from "./emailed-links";
import { formatResetCode, generateResetCode, hashResetCode, RESET_CODE_TTL_MINUTES } from "./reset-code";
import { revokeOutstandingResetLinks } from "./revoke-reset-links";
import { generateSecretToken } from "./secret-token";

const STALE_TOKEN_RETENTION_MS = 24 * 60 * 60 * 1000;

type ResetWriter = Pick<Database, "passwordResetToken" | "securityEvent" | "outboxEmail">;

/**
 * The writes that start a reset, for the caller to commit in one transaction (batch or interactive): older links
 * die, the hashes of a new token and code are stored, and the email carrying both is queued, so neither exists
 * without the other. The token and code themselves exist only inside the sealed queued email, which speaks
 * `locale`: the language of the request that asked (a reset asked for in German is mailed in German).
 */
export function startPasswordReset(
  tx: ResetWriter,
  customer: { id: string; name: string; email: string },
  origin: RequestOrigin,
  now: Date,
  locale: Locale = DEFAULT_LOCALE,
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
      template: "password-reset",
      props: {
        locale,
        storeName,
        customerName: customer.name,
        email: customer.email,
        resetUrl: buildResetUrl(locale, token, customer.email),
        expiresIn: formatDuration(locale, resetTokenTtlMinutes),
        code: formatResetCode(code),
        codeUrl: buildResetCodeUrl(locale),
        codeExpiresIn: formatDuration(locale, Math.round((codeExpiresAt.getTime() - now.getTime()) / 60_000)),
      },
    }),
  ];
}
