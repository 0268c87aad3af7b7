import "server-only";
import type { UnusableLinkReason } from "@/app/_lib/reset-link-status";
import { resetLinkSchema } from "@/app/_lib/validation";
import { VERIFICATION_TTL_MINUTES } from "@/app/_lib/verification";
import type { Database } from "../db";
import { getDb } from "../db";
import { attemptOutcome, countAttempt, type RateLimitCheck, withinLimits } from "../rate-limit";
import { formatResetCode, generateResetCode } from "./reset-code";
import { generateSecretToken, hashSecretToken } from "./secret-token";
import { keyedHash, matchesKeyedHash } from "../secrets";
import { type GrantKind, issueGrant, readGrant } from "../signed-grant";

/**
 * Proof that someone reads mail at an address: a link and a code, sent there, for finishing a sign-up or an email
 * change. The same rules as a reset link: only the token's SHA-256 and the code's HMAC are stored, opening the link
 * uses nothing up, the code allows 5 entries, and one conditional write uses the proof once.
 */
export type VerificationPurpose = "sign-up" | "email-change";

export { VERIFICATION_TTL_MINUTES };
export const VERIFICATION_CODE_MAX_ATTEMPTS = 5;
/** How long a browser may take, after opening the link or entering the code, to finish. */
export const VERIFICATION_GRANT_TTL_MINUTES = 15;

export type LiveVerification = { id: string; purpose: VerificationPurpose; email: string; customerId: string | null; expiresAt: Date };
export type VerificationCheck = { status: "valid"; verification: LiveVerification } | { status: UnusableLinkReason };

type VerificationWriter = Pick<Database, "emailVerification">;

function hashVerificationCode(tokenHash: string, code: string): string {
  return keyedHash("verification-code", `${tokenHash}:${code}`);
}

/** Who a purpose's requests belong to: a sign-up to the address, an email change to the customer asking. */
function ownerOf(request: { purpose: VerificationPurpose; email?: string; customerId?: string }) {
  return request.purpose === "sign-up" ? { email: request.email ?? "" } : { customerId: request.customerId ?? "" };
}

/**
 * Inside the caller's transaction: ends the owner's earlier proofs of this purpose (only the newest works) and
 * stores a new one. Returns the token and code for the email, the only place they ever exist.
 */
export async function issueVerification(
  tx: VerificationWriter,
  request: { purpose: VerificationPurpose; email: string; customerId?: string },
  now: Date,
): Promise<{ token: string; code: string; formattedCode: string; expiresAt: Date }> {
  const { token, tokenHash } = generateSecretToken();
  const code = generateResetCode();
  const expiresAt = new Date(now.getTime() + VERIFICATION_TTL_MINUTES * 60_000);
  await tx.emailVerification.updateMany({
    where: { purpose: request.purpose, ...ownerOf(request), usedAt: null, revokedAt: null },
    data: { revokedAt: now },
  });
  await tx.emailVerification.create({
    data: {
      purpose: request.purpose,
      email: request.email,
      customerId: request.customerId ?? null,
      tokenHash,
      codeHash: hashVerificationCode(tokenHash, code),
      expiresAt,
    },
    select: { id: true },
  });
  return { token, code, formattedCode: formatResetCode(code), expiresAt };
}

/** Ends a customer's pending email changes, inside the transaction of whatever makes them obsolete. */
export function revokePendingEmailChanges(writer: VerificationWriter, customerId: string, now: Date) {
  return writer.emailVerification.updateMany({
    where: { purpose: "email-change", customerId, usedAt: null, revokedAt: null },
    data: { revokedAt: now },
  });
}

const storedFields = {
  id: true,
  purpose: true,
  email: true,
  customerId: true,
  expiresAt: true,
  usedAt: true,
  revokedAt: true,
} as const;
type StoredVerification = { id: string; purpose: string; email: string; customerId: string | null; expiresAt: Date; usedAt: Date | null; revokedAt: Date | null };

function checkStored(stored: StoredVerification | null, purpose: VerificationPurpose, now: Date): VerificationCheck {
  if (!stored || stored.purpose !== purpose) return { status: "invalid" };
  if (stored.usedAt) return { status: "used" };
  if (stored.revokedAt) return { status: "superseded" };
  if (stored.expiresAt <= now) return { status: "expired" };
  const { usedAt: _usedAt, revokedAt: _revokedAt, ...live } = stored;
  return { status: "valid", verification: { ...live, purpose } };
}

/**
 * Checks an emailed link's token and address WITHOUT using it up, so mail scanners and prefetches change nothing.
 * Takes the raw query values: a mangled link is "invalid".
 */
export async function checkVerificationLink(
  purpose: VerificationPurpose,
  link: { token: unknown; email: unknown },
  now = new Date(),
): Promise<VerificationCheck> {
  const parsed = resetLinkSchema.safeParse(link);
  if (!parsed.success) return { status: "invalid" };
  const stored = await getDb().emailVerification.findUnique({ where: { tokenHash: hashSecretToken(parsed.data.token) }, select: storedFields });
  return checkStored(stored?.email === parsed.data.email ? stored : null, purpose, now);
}

export async function checkVerificationById(purpose: VerificationPurpose, id: string, now = new Date()): Promise<VerificationCheck> {
  return checkStored(await getDb().emailVerification.findUnique({ where: { id }, select: storedFields }), purpose, now);
}

export type CodeCheck = { status: "valid"; verification: LiveVerification } | { status: "wrong-code" } | { status: "rate-limited"; retryAfterSeconds: number };

/**
 * Checks a code against the owner's live proof of this purpose (a sign-up's address, an email change's customer),
 * counting the entry. As for reset codes: one read, then one transaction that counts the attempt against `limits`
 * and, within them, the entry against the code, so concurrent guesses can't exceed 5; every failure looks the same.
 */
export async function checkVerificationCode(
  owner: { purpose: "sign-up"; email: string } | { purpose: "email-change"; customerId: string },
  code: string,
  limits: readonly RateLimitCheck[],
  now = new Date(),
): Promise<CodeCheck> {
  const db = getDb();
  const stored = await db.emailVerification.findFirst({
    where: { ...ownerOf(owner), purpose: owner.purpose, usedAt: null, revokedAt: null, expiresAt: { gt: now } },
    orderBy: { createdAt: "desc" },
    select: { ...storedFields, tokenHash: true, codeHash: true },
  });
  const [counters, entered] = await db.$transaction([
    countAttempt(limits, now),
    db.$executeRaw`
      UPDATE "EmailVerification" SET "codeAttempts" = "codeAttempts" + 1
      WHERE "id" = ${stored?.id ?? ""} AND "codeAttempts" < ${VERIFICATION_CODE_MAX_ATTEMPTS} AND ${withinLimits(limits, now)}`,
  ]);
  const limit = attemptOutcome(limits, counters, now);
  if (limit.limited) return { status: "rate-limited", retryAfterSeconds: limit.retryAfterSeconds };
  const matches = matchesKeyedHash("verification-code", `${stored?.tokenHash ?? ""}:${code}`, stored?.codeHash ?? "");
  if (!stored || entered !== 1 || !matches) return { status: "wrong-code" };
  const check = checkStored(stored, owner.purpose, now);
  return check.status === "valid" ? check : { status: "wrong-code" };
}

/** The one conditional write that uses a proof: true for the one caller that got it while it was live. */
export async function useVerification(tx: VerificationWriter, id: string, now: Date): Promise<boolean> {
  const used = await tx.emailVerification.updateMany({
    where: { id, usedAt: null, revokedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  return used.count === 1;
}

const grantKinds: Record<VerificationPurpose, GrantKind> = {
  "sign-up": { label: "verification-grant", purpose: "sign-up", ttlMinutes: VERIFICATION_GRANT_TTL_MINUTES },
  "email-change": { label: "verification-grant", purpose: "email-change", ttlMinutes: VERIFICATION_GRANT_TTL_MINUTES },
};

/** Once the link has been opened or the code entered: a signed grant naming the proof, for the browser to finish with. */
export function issueVerificationGrant(verification: LiveVerification, now = new Date()) {
  return issueGrant(grantKinds[verification.purpose], verification.id, verification.expiresAt, now);
}

/** The proof a grant names, checked (not used). */
export async function checkVerificationGrant(purpose: VerificationPurpose, grant: unknown, now = new Date()): Promise<VerificationCheck | { status: "missing" }> {
  if (grant === undefined || grant === "") return { status: "missing" };
  const reading = readGrant(grantKinds[purpose], grant, now);
  if (reading.status !== "valid") return reading;
  return checkVerificationById(purpose, reading.claims.id, now);
}
