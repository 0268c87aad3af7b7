import { Button, Heading, Link, Section, Text } from "@react-email/components";
import { createTranslator } from "next-intl";
import type { Locale } from "@/i18n/locales.mjs";
import { MESSAGES } from "@/messages";
import { EmailLayout, emailText, strong } from "./_components/email-layout";

export type PasswordResetEmailProps = {
  /** The language of the request that asked for it. */
  locale: Locale;
  storeName: string;
  customerName: string;
  email: string;
  resetUrl: string;
  /** How long the link lasts, already in words in the email's language ("30 minutes"). */
  expiresIn: string;
  /** The one-time code, formatted for reading ("7KQ4-XM2P"), and where to enter it. */
  code: string;
  codeUrl: string;
  codeExpiresIn: string;
};

/** The subject line, in the email's language. */
export function passwordResetSubject({ locale, storeName }: Pick<PasswordResetEmailProps, "locale" | "storeName">): string {
  return createTranslator({ locale, messages: MESSAGES[locale], namespace: "emails.passwordReset" })("subject", { storeName });
}

// The defaults are the React Email preview data.
export default function PasswordResetEmail({
  locale = "en",
  storeName = "Juniper Goods",
  customerName = "Alex",
  email = "alex@example.com",
  resetUrl = "http://localhost:3000/reset-password?token=preview-token&email=alex%40example.com",
  expiresIn = "30 minutes",
  code = "7KQ4-XM2P",
  codeUrl = "http://localhost:3000/reset-password/code",
  codeExpiresIn = "10 minutes",
}: Partial<PasswordResetEmailProps>) {
  const t = createTranslator({ locale, messages: MESSAGES[locale], namespace: "emails.passwordReset" });
  const common = createTranslator({ locale, messages: MESSAGES[locale], namespace: "emails.common" });
  return (
    <EmailLayout lang={locale} storeName={storeName} preview={t("preview", { expiresIn, code })} footer={t("footer", { storeName, email })}>
      <Heading as="h1" style={emailText.heading}>
        {t("heading")}
      </Heading>
      <Text style={emailText.paragraph}>{common("greeting", { name: customerName })}</Text>
      <Text style={emailText.paragraph}>{t("intro", { storeName })}</Text>
      <Section style={{ margin: "8px 0 24px" }}>
        <Button href={resetUrl} style={emailText.button}>
          {t("button")}
        </Button>
      </Section>
      <Text style={emailText.paragraph}>{t("lasts", { expiresIn })}</Text>
      <Text style={emailText.paragraph}>{t.rich("otherDevice", { codeUrl, codeExpiresIn, strong })}</Text>
      <Text style={emailText.code}>{code}</Text>
      <Text style={emailText.paragraph}>{t.rich("didntAsk", { strong })}</Text>
      {/* The plain-text part already shows the link in full. */}
      <Text style={emailText.small} data-skip-in-text="true">
        {common("buttonFallback")}
        <br />
        <Link href={resetUrl} style={emailText.link}>
          {resetUrl}
        </Link>
      </Text>
    </EmailLayout>
  );
}
