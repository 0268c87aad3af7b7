import "server-only";
import type { PasswordProblem } from "./password-policy";
import type { Locale } from "@/i18n/locales.mjs";
import type { LoginInput, RegisterInput } from "@/app/_lib/validation";
import { recordFailedSignIn, recordSecurityEvent } from "../audit";
import { clientLimitKey, type RequestOrigin } from "../client-address";
import { type Database, getDb } from "../db";
import { log } from "../log";
import { consumeRateLimits, type RateLimitCheck, resetRateLimit } from "../rate-limit";
import { hashPassword, verifyPassword } from "./password-hash";
import { passwordPolicyProblem } from "./password-policy";

export type CustomerIdentity = { id: string; name: string; email: string };

export type RegistrationResult =
  | { status: "registered"; customer: CustomerIdentity }
  | { status: "email-taken" }
  | { status: "proof-used" }
  | { status: "password-rejected"; problem: PasswordProblem };

/**
 * Creates an account whose address has been proven: by a sign-up link or code (`useProof`, which uses it up in the
 * same transaction, so one proof makes one account), or, for the seed and tests, by whoever calls this directly.
 * The account is marked verified. Sign-up pages never call this before the address is proven (recovery/sign-up.ts).
 */
export async function registerCustomer(
  input: RegisterInput & { locale?: Locale },
  proof: { useProof?: (tx: Pick<Database, "emailVerification">) => Promise<boolean>; origin?: RequestOrigin } = {},
  now = new Date(),
): Promise<RegistrationResult> {
  const problem = await passwordPolicyProblem(input.password, { email: input.email });
  if (problem) return { status: "password-rejected", problem };
  const passwordHash = await hashPassword(input.password);
  try {
    const created = await getDb().$transaction(async (tx) => {
      if (proof.useProof && !(await proof.useProof(tx))) return null;
      const customer = await tx.customer.create({
        data: { name: input.name, email: input.email, passwordHash, emailVerifiedAt: now, locale: input.locale },
        select: { id: true, name: true, email: true },
      });
      if (proof.origin) await recordSecurityEvent(customer.id, "account_created", proof.origin, tx);
      return customer;
    });
    if (!created) return { status: "proof-used" };
    log.info({ event: "customer.registered", customerId: created.id });
    return { status: "registered", customer: created };
  } catch (error) {
    if (isUniqueConstraintViolation(error)) return { status: "email-taken" };
    throw error;
  }
}

export type AuthenticationResult =
  | { status: "authenticated"; customer: CustomerIdentity }
  | { status: "rejected" }
  | { status: "rate-limited"; retryAfterSeconds: number };

/** The limits one sign-in attempt counts against (also a password confirmation on the account page). */
export function signInLimits(email: string, origin: RequestOrigin): RateLimitCheck[] {
  const client = clientLimitKey(origin);
  return [
    ["SIGN_IN_PER_ADDRESS_AND_EMAIL", `${client}|${email}`],
    // Password spraying: one account tried from many clients.
    ["SIGN_IN_PER_EMAIL", email],
    // Credential stuffing, and argon2 floods: one client trying many accounts.
    ["SIGN_IN_PER_ADDRESS", client],
  ];
}

/** The right password forgives this client's and this account's failures; the client's own budget stays spent. */
export async function forgiveSignInFailures(limits: readonly RateLimitCheck[]): Promise<void> {
  for (const [name, key] of limits) if (name !== "SIGN_IN_PER_ADDRESS") await resetRateLimit(name, key);
}

/**
 * Checks an email and password. Attempts are limited per client and email, per email, and per client; the answer
 * and the time it takes are the same whether the email has an account, has none, or has a locked one: each runs
 * one argon2 verification (against a dummy hash when there is nothing real to check) and, on failure, the same
 * one statement that records it for an account if there is one. Outcomes for real accounts go to their activity.
 */
export async function authenticateCustomer(input: LoginInput, origin: RequestOrigin): Promise<AuthenticationResult> {
  const limits = signInLimits(input.email, origin);
  const limit = await consumeRateLimits(limits);
  if (limit.limited) return { status: "rate-limited", retryAfterSeconds: limit.retryAfterSeconds };

  const customer = await getDb().customer.findUnique({
    where: { email: input.email },
    select: { id: true, name: true, email: true, passwordHash: true },
  });
  // No account: verifyPassword spends a verification against its dummy hash, as for a locked one.
  const matches = await verifyPassword(customer?.passwordHash ?? "", input.password);
  if (!customer || !matches) {
    await recordFailedSignIn(input.email, origin);
    return { status: "rejected" };
  }
  await recordSecurityEvent(customer.id, "sign_in_succeeded", origin);
  await forgiveSignInFailures(limits);
  const { passwordHash: _passwordHash, ...identity } = customer;
  return { status: "authenticated", customer: identity };
}

export async function findCustomerProfile(customerId: string): Promise<CustomerIdentity | null> {
  return getDb().customer.findUnique({ where: { id: customerId }, select: { id: true, name: true, email: true } });
}

export function isUniqueConstraintViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "P2002";
}

/** The language switcher, used while signed in: the account speaks that language from now on (its emails too). */
export async function rememberCustomerLocale(customerId: string, locale: Locale): Promise<void> {
  await getDb().customer.updateMany({ where: { id: customerId, locale: { not: locale } }, data: { locale } });
}
