import "server-only";
import { formatDuration } from "@/app/_lib/format";
import { asLocale } from "@/i18n/locales.mjs";
import type { RequestOrigin } from "../client-address";
import type { Database } from "../db";
import { getConfig } from "../env";
import { enqueueEmail } from "../outbox/enqueue-email";
import { buildForgotPasswordUrl, buildSignInUrl, buildSignUpCodeUrl, buildSignUpUrl } from "./emailed-links";
import { issueVerification, VERIFICATION_TTL_MINUTES } from "./email-verification";

type SignUpWriter = Pick<Database, "emailVerification" | "outboxEmail">;

/**
 * The worker's half, inside its transaction: the email a sign-up request calls for, given who holds the address.
 * (sign-up.ts tells the whole flow.) The link to finish speaks the language the request was made in; the note to an
 * address's owner speaks the owner's account's.
 */
export async function sendSignUpMail(
  tx: SignUpWriter,
  request: { email: string; holder: { name: string; locale: string } | null; locale?: string },
  _origin: RequestOrigin,
  now: Date,
): Promise<void> {
  const { storeName } = getConfig();
  if (request.holder) {
    const locale = asLocale(request.holder.locale);
    await enqueueEmail(tx, {
      to: request.email,
      template: "address-in-use",
      props: {
        locale,
        storeName,
        purpose: "sign-up",
        customerName: request.holder.name,
        email: request.email,
        signInUrl: buildSignInUrl(locale),
        forgotPasswordUrl: buildForgotPasswordUrl(locale),
      },
    });
    return;
  }
  const locale = asLocale(request.locale);
  const proof = await issueVerification(tx, { purpose: "sign-up", email: request.email }, now);
  await enqueueEmail(tx, {
    to: request.email,
    template: "confirm-email",
    props: {
      locale,
      storeName,
      purpose: "sign-up",
      email: request.email,
      confirmUrl: buildSignUpUrl(locale, proof.token, request.email),
      code: proof.formattedCode,
      codeUrl: buildSignUpCodeUrl(locale),
      expiresIn: formatDuration(locale, VERIFICATION_TTL_MINUTES),
    },
  });
}
