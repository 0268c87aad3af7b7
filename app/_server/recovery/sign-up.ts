import "server-only";
import type { PasswordProblem } from "../auth/password-policy";
import type { Locale } from "@/i18n/locales.mjs";
import type { NewPassword } from "@/app/_lib/validation";
import { registerCustomer } from "../auth/customer-accounts";
import { clientLimitKey, type RequestOrigin } from "../client-address";
import type { UnusableLinkReason } from "@/app/_lib/reset-link-status";
import { acceptAddressRequest } from "./request-password-reset";
import {
  checkVerificationCode,
  checkVerificationGrant,
  type CodeCheck,
  issueVerificationGrant,
  useVerification,
} from "./email-verification";

/**
 * Sign-up, email first. The register page takes only an address and answers the same for every well-formed one:
 * the request is committed as a row (the same one a reset request is, recovery/reset-requests.ts) and the worker
 * mails the address. A new address gets a link and a code to finish; an address that has an account gets a note
 * for its owner ("you already have an account: sign in, or reset your password") and nothing else happens. Only
 * someone who reads that mailbox can finish, by choosing a name and password, so an account's address is always
 * proven, and nobody can hold an address they don't own.
 */
export function requestSignUp(request: { email: string; locale?: Locale }, origin: RequestOrigin): Promise<{ status: "accepted" }> {
  return acceptAddressRequest("sign-up", request.email, origin, request.locale);
}

/** The limits a sign-up code entry counts against: the client's, as for reset codes, beside the code's own 5 tries. */
function codeLimits(origin: RequestOrigin) {
  return [["VERIFICATION_CODE_PER_ADDRESS", clientLimitKey(origin)]] as const;
}

/** The code from the email, with the address it went to: a grant to finish with, when right. */
export async function redeemSignUpCode(entry: { email: string; code: string }, origin: RequestOrigin): Promise<CodeCheck> {
  return checkVerificationCode({ purpose: "sign-up", email: entry.email }, entry.code, codeLimits(origin));
}

export { issueVerificationGrant as issueSignUpGrant };

export type SignUpPageCheck = { status: "valid"; email: string } | { status: UnusableLinkReason | "missing" };

/** What the finishing page shows: the address being signed up, or why the browser's grant can't be used. */
export async function checkSignUpGrant(grant: unknown): Promise<SignUpPageCheck> {
  const check = await checkVerificationGrant("sign-up", grant);
  return check.status === "valid" ? { status: "valid", email: check.verification.email } : check;
}

export type SignUpCompletion =
  | { status: "created"; email: string }
  | { status: "password-rejected"; problem: PasswordProblem }
  | { status: "already-registered" }
  | { status: UnusableLinkReason | "missing" };

/**
 * Finishes a sign-up with a name and password, given the grant the link or code left in the browser. The proof is
 * used up by the transaction that creates the account. An address that got an account meanwhile (another proof,
 * used a moment earlier) is "already-registered": the shopper proved the address, so saying so reveals nothing.
 */
export async function completeSignUp(
  grant: unknown,
  details: { name: string; password: NewPassword; locale?: Locale },
  origin: RequestOrigin,
): Promise<SignUpCompletion> {
  const check = await checkVerificationGrant("sign-up", grant);
  if (check.status !== "valid") return check;
  const { email, id } = check.verification;
  const result = await registerCustomer(
    { name: details.name, email, password: details.password, locale: details.locale },
    { useProof: (tx) => useVerification(tx, id, new Date()), origin },
  );
  switch (result.status) {
    case "registered":
      return { status: "created", email };
    case "password-rejected":
      return result;
    case "email-taken":
      return { status: "already-registered" };
    case "proof-used":
      return { status: "used" };
  }
}
