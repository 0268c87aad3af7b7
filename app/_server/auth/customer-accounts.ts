import "server-only";
import type { LoginInput, RegisterInput } from "@/app/_lib/validation";
import { recordSecurityEvent } from "../audit";
import type { RequestOrigin } from "../client-address";
import { getDb } from "../db";
import { log } from "../log";
import { consumeRateLimits, resetRateLimit } from "../rate-limit";
import { hashPassword, verifyAgainstDummyHash, verifyPassword } from "./password-hash";
import { passwordPolicyProblem } from "./password-policy";

export type CustomerIdentity = { id: string; name: string; email: string };

export type RegistrationResult =
  | { status: "registered"; customer: CustomerIdentity }
  | { status: "email-taken" }
  | { status: "password-rejected"; message: string };

export async function registerCustomer(input: RegisterInput): Promise<RegistrationResult> {
  const problem = await passwordPolicyProblem(input.password, { email: input.email });
  if (problem) return { status: "password-rejected", message: problem };
  const passwordHash = await hashPassword(input.password);
  try {
    const customer = await getDb().customer.create({
      data: { name: input.name, email: input.email, passwordHash },
      select: { id: true, name: true, email: true },
    });
    log.info({ event: "customer.registered", customerId: customer.id });
    return { status: "registered", customer };
  } catch (error) {
    if (isUniqueConstraintViolation(error)) return { status: "email-taken" };
    throw error;
  }
}

export type AuthenticationResult =
  | { status: "authenticated"; customer: CustomerIdentity & { sessionVersion: number } }
  | { status: "rejected" }
  | { status: "rate-limited"; retryAfterSeconds: number };

/**
 * Checks an email and password. Attempts are limited per client address and email; the answer and the time it
 * takes are the same whether or not the email has an account. Outcomes for real accounts go to their activity list.
 */
export async function authenticateCustomer(input: LoginInput, origin: RequestOrigin): Promise<AuthenticationResult> {
  const limitKey = `${origin.ip}|${input.email}`;
  const limit = await consumeRateLimits([["SIGN_IN_PER_ADDRESS_AND_EMAIL", limitKey]]);
  if (limit.limited) return { status: "rate-limited", retryAfterSeconds: limit.retryAfterSeconds };

  const customer = await getDb().customer.findUnique({
    where: { email: input.email },
    select: { id: true, name: true, email: true, passwordHash: true, sessionVersion: true },
  });
  if (!customer) return verifyAgainstDummyHash(input.password).then(() => ({ status: "rejected" }));
  if (!(await verifyPassword(customer.passwordHash, input.password))) {
    await recordSecurityEvent(customer.id, "sign_in_failed", origin);
    return { status: "rejected" };
  }
  await recordSecurityEvent(customer.id, "sign_in_succeeded", origin);
  await resetRateLimit("SIGN_IN_PER_ADDRESS_AND_EMAIL", limitKey);
  const { passwordHash: _passwordHash, ...identity } = customer;
  return { status: "authenticated", customer: identity };
}

export async function findCustomerProfile(customerId: string): Promise<CustomerIdentity | null> {
  return getDb().customer.findUnique({ where: { id: customerId }, select: { id: true, name: true, email: true } });
}

export function isUniqueConstraintViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "P2002";
}
