import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { EmailSent } from "@/app/_components/email-sent";
import { VERIFICATION_TTL_MINUTES } from "@/app/_lib/verification";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("signUp.sent"))("title") };
}

/** Where every well-formed sign-up ends up, new address or taken. */
export default function SignUpSentPage() {
  return <EmailSent words="signUp.sent" linkLastsMinutes={VERIFICATION_TTL_MINUTES} codePage="/register/code" startPage="/register" />;
}
