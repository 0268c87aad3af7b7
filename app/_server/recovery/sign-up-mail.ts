import "server-only";
import { formatMinutes } from "@/app/_lib/format";
import type { RequestOrigin } from "../client-address";
import type { Database } from "../db";
import { getConfig } from "../env";
import { enqueueEmail } from "../outbox/enqueue-email";
import { buildForgotPasswordUrl, buildSignInUrl, buildSignUpCodeUrl, buildSignUpUrl } from "./emailed-links";
import { issueVerification, VERIFICATION_TTL_MINUTES } from "./email-verification";

type SignUpWriter = Pick<Database, "emailVerification" | "outboxEmail">;

/** The worker's half, inside its transaction: the email a sign-up request calls for, given who holds the address. */
/** (sign-up.ts tells the whole flow.) */
export async function sendSignUpMail(
  tx: SignUpWriter,
  request: { email: string; holder: { name: string } | null },
  _origin: RequestOrigin,
  now: Date,
): Promise<void> {
  const { storeName } = getConfig();
  if (request.holder) {
    await enqueueEmail(tx, {
      to: request.email,
      subject: `You already have a ${storeName} account`,
      template: "address-in-use",
      props: {
        storeName,
        purpose: "sign-up",
        customerName: request.holder.name,
        email: request.email,
        signInUrl: buildSignInUrl(),
        forgotPasswordUrl: buildForgotPasswordUrl(),
      },
    });
    return;
  }
  const proof = await issueVerification(tx, { purpose: "sign-up", email: request.email }, now);
  await enqueueEmail(tx, {
    to: request.email,
    subject: `Finish creating your ${storeName} account`,
    template: "confirm-email",
    props: {
      storeName,
      purpose: "sign-up",
      email: request.email,
      confirmUrl: buildSignUpUrl(proof.token, request.email),
      code: proof.formattedCode,
      codeUrl: buildSignUpCodeUrl(),
      expiresIn: formatMinutes(VERIFICATION_TTL_MINUTES),
    },
  });
}

