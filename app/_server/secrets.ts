import "server-only";
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from "node:crypto";
import { getConfig } from "./env";

/** What each derived key is for. Every purpose gets its own key, so one can never stand in for another. */
export type KeyPurpose = "reset-grant" | "reset-code" | "reset-request" | "outbox" | "commerce-engine-otp";

const keys = new Map<string, Buffer>();

/** A 256-bit key derived from AUTH_SECRET with HKDF, one per purpose. Rotating AUTH_SECRET rotates them all. */
function derivedKey(purpose: KeyPurpose): Buffer {
  const secret = getConfig().authSecret;
  const cacheKey = `${purpose}:${secret}`;
  let key = keys.get(cacheKey);
  if (!key) {
    key = Buffer.from(hkdfSync("sha256", secret, "storefront-account", purpose, 32));
    keys.set(cacheKey, key);
  }
  return key;
}

/** HMAC-SHA256 of a message under the purpose's key, base64url. */
export function keyedHash(purpose: KeyPurpose, message: string): string {
  return createHmac("sha256", derivedKey(purpose)).update(message, "utf8").digest("base64url");
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

/** Reverses `seal`. Throws when the text was tampered with or sealed under another AUTH_SECRET. */
export function unseal(purpose: KeyPurpose, sealed: string): string {
  const [version, iv, ciphertext, tag] = sealed.split(".");
  if (version !== SEAL_VERSION || !iv || !ciphertext || !tag) throw new Error("not a sealed value");
  const decipher = createDecipheriv("aes-256-gcm", derivedKey(purpose), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
}
