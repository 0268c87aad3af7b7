import "server-only";
import { randomInt } from "node:crypto";
import { RESET_CODE_ALPHABET, RESET_CODE_LENGTH } from "@/app/_lib/validation";
import { keyedHash, matchesKeyedHash } from "../secrets";

/** A code lasts at most this long (never longer than its link), and allows this many entries. */
export const RESET_CODE_TTL_MINUTES = 10;
export const RESET_CODE_MAX_ATTEMPTS = 5;

/** 8 characters from a 32-letter alphabet with no 0/O or 1/I: 40 bits, chosen without modulo bias. */
export function generateResetCode(): string {
  let code = "";
  for (let i = 0; i < RESET_CODE_LENGTH; i += 1) code += RESET_CODE_ALPHABET[randomInt(RESET_CODE_ALPHABET.length)];
  return code;
}

/**
 * The stored form of a code: an HMAC keyed by AUTH_SECRET and bound to its link (by the link's token hash). 40 bits
 * could be brute-forced from a plain hash; without the key a leaked table gives nothing to try codes against.
 */
export function hashResetCode(tokenHash: string, code: string): string {
  return keyedHash("reset-code", `${tokenHash}:${code}`);
}

/** Whether the code is the one stored for its link, under AUTH_SECRET or a previous secret still accepted. */
export function resetCodeMatches(tokenHash: string, code: string, storedHash: string): boolean {
  return matchesKeyedHash("reset-code", `${tokenHash}:${code}`, storedHash);
}

/** "ABCD-EFGH": easier to read out and type than eight characters in a row. */
export function formatResetCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}
