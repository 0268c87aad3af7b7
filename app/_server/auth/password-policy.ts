import "server-only";
import { dictionary } from "@zxcvbn-ts/language-common";
import { countCharacters, type NewPassword } from "@/app/_lib/validation";
import { getConfig } from "../env";
import type { FieldProblem } from "@/app/_lib/field-rules";
import { verifyPassword } from "./password-hash";

/**
 * The rules a new password must meet beyond its shape (newPasswordSchema checks 8 to 128 characters, and
 * PASSWORD_MIN_LENGTH raises that floor here), the same at register, reset and change, following NIST SP 800-63B-4
 * and OWASP ASVS 5.0: no composition rules, but not a common password, not built from the email address, and not the
 * password it replaces.
 */

/** Why the policy refuses a password: a code each door words in its shopper's language (messages/<locale>/problems.json). */
export type PasswordProblem = Extract<FieldProblem, "passwordTooShort"> | "passwordCommon" | "passwordContainsEmail" | "passwordIsCurrent";
export type PasswordContext = { email: string; currentPasswordHash?: string };

let commonPasswords: Set<string> | undefined;

/**
 * The 49,233 most common passwords from @zxcvbn-ts/language-common (ASVS 6.2.4 asks for at least the top 3,000),
 * shipped with the package, so the check works offline and never sends a password anywhere.
 */
function isCommonPassword(password: string): boolean {
  commonPasswords ??= new Set(dictionary["passwords-common"].map((entry) => entry.toLowerCase()));
  return commonPasswords.has(password.toLowerCase());
}

/** Why the password is refused, as a problem each door words in its shopper's language, or null when it is acceptable. */
export async function passwordPolicyProblem(password: NewPassword, context: PasswordContext): Promise<PasswordProblem | null> {
  if (countCharacters(password) < getConfig().passwordMinLength) return "passwordTooShort";
  if (isCommonPassword(password)) return "passwordCommon";
  const localPart = context.email.split("@")[0] ?? "";
  if (localPart.length >= 3 && password.toLowerCase().includes(localPart.toLowerCase())) return "passwordContainsEmail";
  if (context.currentPasswordHash && (await verifyPassword(context.currentPasswordHash, password))) return "passwordIsCurrent";
  return null;
}
