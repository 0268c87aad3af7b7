import * as z from "zod/mini";
import {
  confirmationProblem,
  currentPasswordProblem,
  emailProblem,
  type FieldProblem,
  nameProblem,
  newPasswordProblem,
  normaliseEmail,
  normaliseResetCode,
  PRESENTED_SECRET_MAX_LENGTH,
  resetCodeProblem,
  SECRET_TOKEN_PATTERN,
} from "./field-rules";

export {
  countCharacters,
  EMAIL_MAX_LENGTH,
  NAME_MAX_LENGTH,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  PRESENTED_SECRET_MAX_LENGTH,
  RESET_CODE_ALPHABET,
  RESET_CODE_LENGTH,
} from "./field-rules";

/**
 * The zod schemas for every input: the server actions, the core and the JSON APIs parse with these. Each field is
 * checked by its rule in ./field-rules.ts, the functions the browser also runs for instant feedback, so there is
 * one copy of every rule. These schemas add what a server needs: types, normalised output (trimmed, lowercased
 * emails; NFKC passwords; codes without dashes) and the NewPassword brand.
 * An issue's message is the rule's FieldProblem code; each door words it in its request's language
 * (app/_server/shopper-language.ts), so the words live in one place too, the message catalogues.
 */

/** A string checked by a rule; `missing` is the problem when the value isn't a string at all. */
function ruledString(missing: FieldProblem, rule: (value: string) => FieldProblem | null) {
  return z.string({ error: missing }).check(
    z.check((ctx) => {
      const problem = rule(ctx.value);
      if (problem) ctx.issues.push({ code: "custom", message: problem, input: ctx.value });
    }),
  );
}

export const emailSchema = ruledString("emailMissing", emailProblem).check(z.overwrite(normaliseEmail));

export const nameSchema = ruledString("nameMissing", nameProblem).check(z.overwrite((name) => name.trim()));

/**
 * A new password that passed the shape rules, NFKC-normalised. The length floor here is 8; PASSWORD_MIN_LENGTH,
 * which can only raise it, is applied with the rest of the policy (app/_server/auth/password-policy.ts), under the
 * same "passwordTooShort" problem, worded with the configured length. The output is branded: the core only accepts a
 * NewPassword, so nothing can store a password that skipped the policy.
 */
export const newPasswordSchema = ruledString("passwordMissing", (password) => newPasswordProblem(password))
  .check(z.overwrite((password) => password.normalize("NFKC")))
  .brand<"NewPassword">();

export type NewPassword = z.output<typeof newPasswordSchema>;

/** A password being checked at sign-in: only shape limits, so no work is spent on input that can't match. */
export const currentPasswordSchema = ruledString("currentPasswordMissing", currentPasswordProblem).check(
  z.overwrite((password) => password.normalize("NFKC")),
);

export const resetTokenSchema = z.string().check(z.regex(SECRET_TOKEN_PATTERN));

/**
 * A token, grant or otp_token as a door receives it, before the core checks it: a non-empty string no longer than
 * anything we issue could be. Its shape is the core's business, so a mangled one gets the core's "invalid" answer.
 */
export function presentedSecretSchema(missing: string, notOurs: string) {
  return z.string({ error: missing }).check(z.minLength(1, { error: missing }), z.maxLength(PRESENTED_SECRET_MAX_LENGTH, { error: notOurs }));
}

/** A code as typed (any case, with or without the dash), output without the dash, in capitals. */
export const resetCodeSchema = ruledString("codeMissing", resetCodeProblem).check(z.overwrite(normaliseResetCode));

export const resetCodeEntrySchema = z.object({
  email: emailSchema,
  code: resetCodeSchema,
});

export const registerSchema = z.object({
  name: nameSchema,
  email: emailSchema,
  password: newPasswordSchema,
});

/** Sign-up's first step: only the address, which the emailed link or code then proves. */
export const signUpSchema = z.object({ email: emailSchema });

/** Sign-up's last step, once the address is proven. */
export const finishSignUpSchema = z.object({ name: nameSchema, password: newPasswordSchema });

/** The code an email change sends to the new address, entered on the account page. */
export const emailChangeCodeSchema = z.object({ code: resetCodeSchema });

export const loginSchema = z.object({
  email: emailSchema,
  password: currentPasswordSchema,
});

export const forgotPasswordSchema = z.object({
  email: emailSchema,
});

export const confirmPasswordSchema = z.string({ error: "confirmationMissing" });

/** The confirmation must be the new password: the one rule, for a form's (or an API's) own field names. */
export function confirmationCheck<Password extends string, Confirmation extends string>(passwordField: Password, confirmationField: Confirmation) {
  return z.check<Record<Password | Confirmation, string>>((ctx) => {
    const problem = confirmationProblem(ctx.value[passwordField], ctx.value[confirmationField]);
    if (problem) ctx.issues.push({ code: "custom", message: problem, input: ctx.value[confirmationField], path: [confirmationField] });
  });
}

const passwordsMatch = confirmationCheck("password", "confirmPassword");

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

/**
 * The first problem for each field, worded by `describe` (a FieldProblem code in the request's language), in the
 * shape forms display.
 */
export function firstErrorPerField(error: z.core.$ZodError, describe: (problem: string) => string): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    errors[field] ??= describe(issue.message);
  }
  return errors;
}
