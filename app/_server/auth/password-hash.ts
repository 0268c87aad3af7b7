import "server-only";
import { hash, verify, type Options } from "@node-rs/argon2";

/**
 * argon2id at OWASP's recommended minimum (19 MiB, 2 passes, 1 lane): a median of 10–17 ms per hash on this
 * project's 2-core machines (docs/BENCHMARKS.md measures it each run). The hashing runs on libuv's thread pool, off
 * the event loop.
 */
export const PASSWORD_HASH_OPTIONS: Options = {
  // `Algorithm.Argon2id` is a const enum that isolatedModules can't inline, hence the literal.
  algorithm: 2,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
};

/**
 * Stored instead of a hash when a "this wasn't me" report locks an account: it is not a PHC string, so no password
 * ever verifies against it, and only a completed reset replaces it.
 */
export const LOCKED_PASSWORD_HASH = "!locked";

export function hashPassword(password: string): Promise<string> {
  return hash(password, PASSWORD_HASH_OPTIONS);
}

/**
 * Whether the password matches the stored hash. A stored value that isn't an argon2 hash (LOCKED_PASSWORD_HASH, or
 * anything malformed) never matches, but still costs a full verification: a locked account must take as long to
 * refuse as any other, or timing would tell it apart.
 */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  if (!passwordHash.startsWith("$argon2")) return verifyAgainstDummyHash(password);
  try {
    return await verify(passwordHash, password);
  } catch {
    return verifyAgainstDummyHash(password); // a malformed stored hash never matches
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the same work as a real verification, for sign-ins to addresses without an account (or with a locked
 * one), so response time doesn't reveal which addresses are registered.
 */
async function verifyAgainstDummyHash(password: string): Promise<false> {
  dummyHash ??= hashPassword("dummy password that no account has");
  await verify(await dummyHash, password);
  return false;
}
