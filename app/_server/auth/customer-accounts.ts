import "server-only";
import type { LoginInput, RegisterInput } from "@/app/_lib/validation";
import { getDb } from "../db";
import { log } from "../log";
import { hashPassword, verifyAgainstDummyHash, verifyPassword } from "./password-hash";

export type CustomerIdentity = { id: string; name: string; email: string };

export type RegistrationResult = { status: "registered"; customer: CustomerIdentity } | { status: "email-taken" };

export async function registerCustomer(input: RegisterInput): Promise<RegistrationResult> {
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

/** The customer whose email and password match, or null. Takes the same time whether or not the email exists. */
export async function authenticateCustomer(input: LoginInput): Promise<CustomerIdentity | null> {
  const customer = await getDb().customer.findUnique({
    where: { email: input.email },
    select: { id: true, name: true, email: true, passwordHash: true },
  });
  if (!customer) return verifyAgainstDummyHash(input.password).then(() => null);
  if (!(await verifyPassword(customer.passwordHash, input.password))) return null;
  return { id: customer.id, name: customer.name, email: customer.email };
}

export async function findCustomerProfile(customerId: string): Promise<CustomerIdentity | null> {
  return getDb().customer.findUnique({ where: { id: customerId }, select: { id: true, name: true, email: true } });
}

function isUniqueConstraintViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "P2002";
}
