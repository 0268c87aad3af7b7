import * as z from "zod/mini";

/**
 * The one set of input rules, shared by the client forms (instant feedback), the server actions and the core.
 * Built on zod/mini so the browser bundle stays small. Messages are written for shoppers.
 */

export const EMAIL_MAX_LENGTH = 254;
export const NAME_MAX_LENGTH = 100;
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;
/** Reset tokens are 32 random bytes in base64url: 43 characters. */
export const RESET_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
/** Reset codes: 8 characters from an alphabet without the look-alikes 0/O and 1/I. */
export const RESET_CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
export const RESET_CODE_LENGTH = 8;

// Anything longer than this can't be a valid password even after normalisation, so it is refused before any
// expensive work (normalising, hashing) happens on it.
const PASSWORD_RAW_LENGTH_CEILING = PASSWORD_MAX_LENGTH * 4;

/** Counts Unicode code points, so an emoji or an accented letter is one character, as a shopper would count. */
export function countCharacters(value: string): number {
  let count = 0;
  for (const _ of value) count += 1;
  return count;
}

/** Trimmed and lowercased, so the same address always finds the same account on SQLite and PostgreSQL. */
export const emailSchema = z.pipe(
  z.string({ error: "Enter your email address" }).check(
    z.trim(),
    z.toLowerCase(),
    z.minLength(1, { error: "Enter your email address", abort: true }),
    z.maxLength(EMAIL_MAX_LENGTH, { error: `Email addresses are at most ${EMAIL_MAX_LENGTH} characters`, abort: true }),
  ),
  z.email({ error: "Enter an email address like name@example.com" }),
);

export const nameSchema = z.string({ error: "Enter your name" }).check(
  z.trim(),
  z.minLength(1, { error: "Enter your name", abort: true }),
  z.refine((name) => countCharacters(name) <= NAME_MAX_LENGTH, { error: `Names are at most ${NAME_MAX_LENGTH} characters`, abort: true }),
  z.refine((name) => !/[\u0000-\u001f\u007f]/.test(name), { error: "Names can't contain control characters" }),
);

const tooLongPasswordMessage = `Passwords are at most ${PASSWORD_MAX_LENGTH} characters`;

/**
 * A new password: 8 to 128 characters, no composition rules (NIST SP 800-63B-4, OWASP ASVS 5.0 6.2.5). It is
 * NFKC-normalised so the same password typed on different keyboards or systems hashes the same.
 * The output is branded: the core only accepts a NewPassword, so nothing can store a password that skipped the policy.
 */
export const newPasswordSchema = z.pipe(
  z.string({ error: "Enter a password" }).check(
    z.minLength(1, { error: "Enter a password", abort: true }),
    z.maxLength(PASSWORD_RAW_LENGTH_CEILING, { error: tooLongPasswordMessage, abort: true }),
  ),
  z.pipe(
    z.transform((password: string) => password.normalize("NFKC")),
    z.string().check(
      z.refine((password) => countCharacters(password) >= PASSWORD_MIN_LENGTH, {
        error: `Use at least ${PASSWORD_MIN_LENGTH} characters`,
        abort: true,
      }),
      z.refine((password) => countCharacters(password) <= PASSWORD_MAX_LENGTH, { error: tooLongPasswordMessage }),
    ),
  ),
).brand<"NewPassword">();

export type NewPassword = z.output<typeof newPasswordSchema>;

/** A password being checked at sign-in: only shape limits, so no work is spent on input that can't match. */
export const currentPasswordSchema = z.pipe(
  z.string({ error: "Enter your password" }).check(
    z.minLength(1, { error: "Enter your password", abort: true }),
    z.maxLength(PASSWORD_RAW_LENGTH_CEILING, { error: tooLongPasswordMessage, abort: true }),
  ),
  z.transform((password: string) => password.normalize("NFKC")),
);

export const resetTokenSchema = z.string().check(z.regex(RESET_TOKEN_PATTERN));

const resetCodeMessage = `Enter the ${RESET_CODE_LENGTH}-character code from the email`;

/** A code as typed: any case, with or without the dash and spaces the email shows it with. */
export const resetCodeSchema = z.pipe(
  z.string({ error: resetCodeMessage }).check(
    z.maxLength(64, { error: resetCodeMessage, abort: true }),
    z.overwrite((code) => code.replace(/[\s-]/g, "").toUpperCase()),
    z.minLength(1, { error: resetCodeMessage, abort: true }),
    z.regex(new RegExp(`^[${RESET_CODE_ALPHABET}]{${RESET_CODE_LENGTH}}$`), {
      error: `That isn't a code we send: codes are ${RESET_CODE_LENGTH} letters and numbers, like 7KQ4-XM2P`,
    }),
  ),
  z.string(),
);

export const resetCodeEntrySchema = z.object({
  email: emailSchema,
  code: resetCodeSchema,
});

export const registerSchema = z.object({
  name: nameSchema,
  email: emailSchema,
  password: newPasswordSchema,
});

export const loginSchema = z.object({
  email: emailSchema,
  password: currentPasswordSchema,
});

export const forgotPasswordSchema = z.object({
  email: emailSchema,
});

const confirmPasswordSchema = z.string({ error: "Confirm your new password" }).check(
  z.minLength(1, { error: "Confirm your new password", abort: true }),
  z.maxLength(PASSWORD_RAW_LENGTH_CEILING, { error: "The passwords don't match", abort: true }),
);

/** Whether the confirmation, as typed, is the new password (which the schema has already normalised). */
export function confirmationMatches(newPassword: string, confirmation: string): boolean {
  return newPassword === confirmation.normalize("NFKC");
}

const passwordsMatch = z.refine<{ password: string; confirmPassword: string }>(
  (fields) => confirmationMatches(fields.password, fields.confirmPassword),
  { error: "The passwords don't match", path: ["confirmPassword"] },
);

/** The two fields the shopper types on the reset form. */
export const newPasswordPairSchema = z
  .object({ password: newPasswordSchema, confirmPassword: confirmPasswordSchema })
  .check(passwordsMatch);

/** The change-password form on the account page: the current password, then a new one twice. */
export const changePasswordSchema = z
  .object({ currentPassword: currentPasswordSchema, password: newPasswordSchema, confirmPassword: confirmPasswordSchema })
  .check(passwordsMatch);

/** The change-email form on the account page. */
export const changeEmailSchema = z.object({ email: emailSchema, currentPassword: currentPasswordSchema });

/** The reset link's query parameters. Either may be missing or malformed when a link is mangled by a mail client. */
export const resetLinkSchema = z.object({
  token: resetTokenSchema,
  email: emailSchema,
});

export type RegisterInput = z.output<typeof registerSchema>;
export type LoginInput = z.output<typeof loginSchema>;
export type ResetLinkInput = z.output<typeof resetLinkSchema>;
export type ResetCodeEntry = z.output<typeof resetCodeEntrySchema>;

/** The first message for each field, in the shape forms display. */
export function firstErrorPerField(error: z.core.$ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    errors[field] ??= issue.message;
  }
  return errors;
}
