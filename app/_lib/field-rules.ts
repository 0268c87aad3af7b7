/**
 * The input rules, as plain functions: each takes what was typed and returns what is wrong with it (a FieldProblem
 * code), or null.
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

/**
 * What can be wrong with a field, as a code. The words for each are in messages/<locale>/problems.json, filled with
 * problemParameters below, by the server only (app/_server/shopper-language.ts): for its own answers, and for the
 * copy it hands each page (app/_components/form-shell.tsx), so the browser shows the very same words.
 */
export type FieldProblem =
  | "emailMissing"
  | "emailTooLong"
  | "emailMalformed"
  | "nameMissing"
  | "nameTooLong"
  | "nameControlCharacters"
  | "passwordMissing"
  | "passwordTooShort"
  | "passwordTooLong"
  | "currentPasswordMissing"
  | "confirmationMissing"
  | "passwordsDiffer"
  | "codeMissing"
  | "codeMalformed";

/** The numbers the problem messages name. The minimum password length is configuration, so it is passed in. */
export function problemParameters(passwordMinLength: number) {
  return {
    min: passwordMinLength,
    max: PASSWORD_MAX_LENGTH,
    emailMax: EMAIL_MAX_LENGTH,
    nameMax: NAME_MAX_LENGTH,
    codeLength: RESET_CODE_LENGTH,
  };
}

/** What the rules need from configuration: the server passes its PASSWORD_MIN_LENGTH to the page, which passes it here. */
export type RuleOptions = { passwordMinLength: number };
const FLOOR: RuleOptions = { passwordMinLength: PASSWORD_MIN_LENGTH };

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

export function emailProblem(raw: string): FieldProblem | null {
  const email = normaliseEmail(raw);
  if (email.length === 0) return "emailMissing";
  if (email.length > EMAIL_MAX_LENGTH) return "emailTooLong";
  if (!EMAIL_PATTERN.test(email)) return "emailMalformed";
  return null;
}

export function nameProblem(raw: string): FieldProblem | null {
  const name = raw.trim();
  if (name.length === 0) return "nameMissing";
  if (countCharacters(name) > NAME_MAX_LENGTH) return "nameTooLong";
  if (/[\u0000-\u001f\u007f]/.test(name)) return "nameControlCharacters";
  return null;
}

/**
 * A new password: PASSWORD_MIN_LENGTH (8 at least) to 128 characters, no composition rules (NIST SP 800-63B-4, OWASP
 * ASVS 5.0 6.2.5), counted after NFKC normalisation, so the same password typed on different keyboards or systems
 * is the same password. (The server also refuses common passwords and ones built from the email; that needs its
 * word list.) Without options it applies the floor of 8, which configuration can only raise. It takes a form rule's
 * arguments (FormRules), so the forms' rules can name it directly.
 */
export function newPasswordProblem(raw: string, _otherFields?: unknown, options: RuleOptions = FLOOR): FieldProblem | null {
  if (raw.length === 0) return "passwordMissing";
  if (raw.length > PASSWORD_RAW_LENGTH_CEILING) return "passwordTooLong";
  const length = countCharacters(raw.normalize("NFKC"));
  if (length < options.passwordMinLength) return "passwordTooShort";
  if (length > PASSWORD_MAX_LENGTH) return "passwordTooLong";
  return null;
}

/** A password being checked (sign-in, confirming a change): only shape limits. */
export function currentPasswordProblem(raw: string): FieldProblem | null {
  if (raw.length === 0) return "currentPasswordMissing";
  if (raw.length > PASSWORD_RAW_LENGTH_CEILING) return "passwordTooLong";
  return null;
}

/** Whether the confirmation, as typed, is the new password as typed (both compared after normalisation). */
function confirmationMatches(newPassword: string, confirmation: string): boolean {
  return newPassword.normalize("NFKC") === confirmation.normalize("NFKC");
}

export function confirmationProblem(newPassword: string, confirmation: string): FieldProblem | null {
  if (confirmation.length === 0) return "confirmationMissing";
  if (confirmation.length > PASSWORD_RAW_LENGTH_CEILING || !confirmationMatches(newPassword, confirmation)) {
    return "passwordsDiffer";
  }
  return null;
}

/** A code as typed: any case, with or without the dash and spaces the email shows it with. */
export function normaliseResetCode(raw: string): string {
  return raw.replace(/[\s-]/g, "").toUpperCase();
}

export function resetCodeProblem(raw: string): FieldProblem | null {
  if (raw.length > 64) return "codeMalformed";
  const code = normaliseResetCode(raw);
  if (code.length === 0) return "codeMissing";
  if (!RESET_CODE_PATTERN.test(code)) return "codeMalformed";
  return null;
}

/** The rules of each form, by field, for instant feedback in the browser. `values` holds the other fields. */
export type FormRules<Field extends string> = Record<
  Field,
  (value: string, values: Record<string, string>, options: RuleOptions) => FieldProblem | null
>;

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
