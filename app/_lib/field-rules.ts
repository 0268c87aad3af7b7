/**
 * The input rules, as plain functions: each takes what was typed and returns the message for the shopper, or null.
 * They are the one copy of the rules. The zod schemas in ./validation.ts (server actions, the core, the JSON APIs)
 * are built on them, and the browser runs them directly for instant feedback, so a form page ships these few
 * hundred bytes instead of a validation library.
 */

export const EMAIL_MAX_LENGTH = 254;
export const NAME_MAX_LENGTH = 100;
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;
/** The tokens in emailed links (reset, "This wasn't me") are 32 random bytes in base64url: 43 characters. */
export const SECRET_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
/**
 * The longest token, grant or otp_token a door accepts before it is refused as malformed input rather than looked
 * up: far longer than anything we issue, short enough that nothing large reaches the core.
 */
export const PRESENTED_SECRET_MAX_LENGTH = 512;
/** Reset codes: 8 characters from an alphabet without the look-alikes 0/O and 1/I. */
export const RESET_CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
export const RESET_CODE_LENGTH = 8;
/** Anything longer can't be a valid password even after normalisation; refused before any expensive work. */
export const PASSWORD_RAW_LENGTH_CEILING = PASSWORD_MAX_LENGTH * 4;
/** The address pattern zod's z.email() uses by default (no leading, trailing or doubled dots; a dotted domain). */
export const EMAIL_PATTERN = /^(?!\.)(?!.*\.\.)([A-Za-z0-9_'+\-.]*)[A-Za-z0-9_+-]@([A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;
const RESET_CODE_PATTERN = new RegExp(`^[${RESET_CODE_ALPHABET}]{${RESET_CODE_LENGTH}}$`);

export const MESSAGES = {
  emailMissing: "Enter your email address",
  nameMissing: "Enter your name",
  passwordMissing: "Enter a password",
  currentPasswordMissing: "Enter your password",
  confirmationMissing: "Confirm your new password",
  passwordsDiffer: "The passwords don't match",
  passwordTooLong: `Passwords are at most ${PASSWORD_MAX_LENGTH} characters`,
  codeMissing: `Enter the ${RESET_CODE_LENGTH}-character code from the email`,
} as const;

/** Counts Unicode code points, so an emoji or an accented letter is one character, as a shopper would count. */
export function countCharacters(value: string): number {
  let count = 0;
  for (const _ of value) count += 1;
  return count;
}

/** Trimmed and lowercased, so the same address always finds the same account on SQLite and PostgreSQL. */
export function normaliseEmail(raw: string): string {
  return raw.trim().toLowerCase();
}

export function emailProblem(raw: string): string | null {
  const email = normaliseEmail(raw);
  if (email.length === 0) return MESSAGES.emailMissing;
  if (email.length > EMAIL_MAX_LENGTH) return `Email addresses are at most ${EMAIL_MAX_LENGTH} characters`;
  if (!EMAIL_PATTERN.test(email)) return "Enter an email address like name@example.com";
  return null;
}

export function nameProblem(raw: string): string | null {
  const name = raw.trim();
  if (name.length === 0) return MESSAGES.nameMissing;
  if (countCharacters(name) > NAME_MAX_LENGTH) return `Names are at most ${NAME_MAX_LENGTH} characters`;
  if (/[\u0000-\u001f\u007f]/.test(name)) return "Names can't contain control characters";
  return null;
}

/**
 * A new password: 8 to 128 characters, no composition rules (NIST SP 800-63B-4, OWASP ASVS 5.0 6.2.5), counted
 * after NFKC normalisation, so the same password typed on different keyboards or systems is the same password.
 * (The server also refuses common passwords and ones built from the email; that needs its word list.)
 */
export function newPasswordProblem(raw: string): string | null {
  if (raw.length === 0) return MESSAGES.passwordMissing;
  if (raw.length > PASSWORD_RAW_LENGTH_CEILING) return MESSAGES.passwordTooLong;
  const length = countCharacters(raw.normalize("NFKC"));
  if (length < PASSWORD_MIN_LENGTH) return `Use at least ${PASSWORD_MIN_LENGTH} characters`;
  if (length > PASSWORD_MAX_LENGTH) return MESSAGES.passwordTooLong;
  return null;
}

/** A password being checked (sign-in, confirming a change): only shape limits. */
export function currentPasswordProblem(raw: string): string | null {
  if (raw.length === 0) return MESSAGES.currentPasswordMissing;
  if (raw.length > PASSWORD_RAW_LENGTH_CEILING) return MESSAGES.passwordTooLong;
  return null;
}

/** Whether the confirmation, as typed, is the new password as typed (both compared after normalisation). */
function confirmationMatches(newPassword: string, confirmation: string): boolean {
  return newPassword.normalize("NFKC") === confirmation.normalize("NFKC");
}

export function confirmationProblem(newPassword: string, confirmation: string): string | null {
  if (confirmation.length === 0) return MESSAGES.confirmationMissing;
  if (confirmation.length > PASSWORD_RAW_LENGTH_CEILING || !confirmationMatches(newPassword, confirmation)) {
    return MESSAGES.passwordsDiffer;
  }
  return null;
}

/** A code as typed: any case, with or without the dash and spaces the email shows it with. */
export function normaliseResetCode(raw: string): string {
  return raw.replace(/[\s-]/g, "").toUpperCase();
}

export function resetCodeProblem(raw: string): string | null {
  if (raw.length > 64) return MESSAGES.codeMissing;
  const code = normaliseResetCode(raw);
  if (code.length === 0) return MESSAGES.codeMissing;
  if (!RESET_CODE_PATTERN.test(code)) {
    return `That isn't a code we send: codes are ${RESET_CODE_LENGTH} letters and numbers, like 7KQ4-XM2P`;
  }
  return null;
}

/** The rules of each form, by field, for instant feedback in the browser. `values` holds the other fields. */
export type FormRules<Field extends string> = Record<Field, (value: string, values: Record<string, string>) => string | null>;

export const FORM_RULES = {
  login: { email: emailProblem, password: currentPasswordProblem },
  signUp: { email: emailProblem },
  finishSignUp: { name: nameProblem, password: newPasswordProblem },
  emailChangeCode: { code: resetCodeProblem },
  forgotPassword: { email: emailProblem },
  resetCode: { email: emailProblem, code: resetCodeProblem },
  newPasswordPair: {
    password: newPasswordProblem,
    confirmPassword: (confirmation, values) => confirmationProblem(values.password ?? "", confirmation),
  },
  changePassword: {
    currentPassword: currentPasswordProblem,
    password: newPasswordProblem,
    confirmPassword: (confirmation, values) => confirmationProblem(values.password ?? "", confirmation),
  },
  changeEmail: { email: emailProblem, currentPassword: currentPasswordProblem },
} satisfies Record<string, FormRules<string>>;
