import "server-only";
import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import { getConfig } from "./env";

/** What each derived key is for. Every purpose gets its own key, so one can never stand in for another. */
export type KeyPurpose = "reset-grant" | "reset-code";

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
