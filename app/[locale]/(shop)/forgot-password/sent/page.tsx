import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { EmailSent } from "@/app/_components/email-sent";
import { pageSettings } from "@/app/_server/env";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("recovery.sent"))("title") };
}

/** Where every well-formed request for a reset link ends up, registered address or not. */
export default function ResetLinkSentPage() {
  return (
    <EmailSent
      words="recovery.sent"
      linkLastsMinutes={pageSettings().resetTokenTtlMinutes}
      codePage="/reset-password/code"
      startPage="/forgot-password"
    />
  );
}
