import "server-only";
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from "node:crypto";
import { getConfig } from "./env";

/** What each derived key is for. Every purpose gets its own key, so one can never stand in for another. */
export type KeyPurpose =
  | "reset-grant"
  | "reset-code"
  | "reset-request"
  | "outbox"
  | "commerce-engine-otp"
  | "verification-grant"
  | "verification-code";

const keys = new Map<string, Buffer>();

/**
 * A 256-bit key derived from a secret with HKDF, one per purpose. New keys come from AUTH_SECRET; rotating it
 * rotates them all, and the secrets in AUTH_SECRET_PREVIOUS still open and verify what was made before.
 */
function derivedKey(purpose: KeyPurpose, secret = getConfig().authSecret): Buffer {
  const cacheKey = `${purpose}:${secret}`;
  let key = keys.get(cacheKey);
  if (!key) {
    key = Buffer.from(hkdfSync("sha256", secret, "storefront-account", purpose, 32));
    keys.set(cacheKey, key);
  }
  return key;
}

/** The purpose's key under every secret still accepted: AUTH_SECRET's first, then AUTH_SECRET_PREVIOUS's. */
function acceptedKeys(purpose: KeyPurpose): Buffer[] {
  const { authSecret, previousAuthSecrets } = getConfig();
  return [authSecret, ...previousAuthSecrets].map((secret) => derivedKey(purpose, secret));
}

/** HMAC-SHA256 of a message under the purpose's key, base64url. */
export function keyedHash(purpose: KeyPurpose, message: string): string {
  return createHmac("sha256", derivedKey(purpose)).update(message, "utf8").digest("base64url");
}

/** Whether `expected` is the message's keyed hash under any accepted secret, compared in constant time. */
export function matchesKeyedHash(purpose: KeyPurpose, message: string, expected: string): boolean {
  let matched = false;
  for (const key of acceptedKeys(purpose)) {
    // Every key is tried, so how long this takes says nothing about which one matched.
    matched = constantTimeEqual(createHmac("sha256", key).update(message, "utf8").digest("base64url"), expected) || matched;
  }
  return matched;
}

/** Compares two strings without leaking, through timing, how much of them matched. */
export function constantTimeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, "utf8");
  const right = Buffer.from(b, "utf8");
  return left.length === right.length && timingSafeEqual(left, right);
}

const SEAL_VERSION = "v1";

/**
 * Encrypts text at rest (AES-256-GCM under the purpose's key) as `v1.iv.ciphertext.tag`, base64url. The outbox uses it
 * for queued emails, whose content holds reset links and codes that must never sit in the database in clear.
 */
export function seal(purpose: KeyPurpose, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", derivedKey(purpose), iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [SEAL_VERSION, iv, ciphertext, cipher.getAuthTag()].map((part) => (typeof part === "string" ? part : part.toString("base64url"))).join(".");
}

/** Reverses `seal`, under any accepted secret. Throws when the text was tampered with or no accepted secret sealed it. */
export function unseal(purpose: KeyPurpose, sealed: string): string {
  const [version, iv, ciphertext, tag] = sealed.split(".");
  if (version !== SEAL_VERSION || !iv || !ciphertext || !tag) throw new Error("not a sealed value");
  for (const key of acceptedKeys(purpose)) {
    try {
      const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
      decipher.setAuthTag(Buffer.from(tag, "base64url"));
      return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
    } catch {
      // not this key: try the next
    }
  }
  throw new SealedUnderUnknownSecret();
}

/** What `unseal` throws when no accepted secret opens a value: rotated away, or tampered with. */
export class SealedUnderUnknownSecret extends Error {
  override name = "SealedUnderUnknownSecret";
  constructor() {
    super("sealed under a secret that is neither AUTH_SECRET nor in AUTH_SECRET_PREVIOUS (or tampered with)");
  }
}
