import { Button, Heading, Link, Section, Text } from "@react-email/components";
import { createTranslator } from "next-intl";
import type { Locale } from "@/i18n/locales.mjs";
import { MESSAGES } from "@/messages";
import { EmailLayout, emailText, strong } from "./_components/email-layout";

export type ConfirmEmailProps = {
  /** The language of the request that asked for it. */
  locale: Locale;
  storeName: string;
  /** Finishing a new account, or moving an existing one to this address. */
  purpose: "sign-up" | "email-change";
  /** The address the email goes to, the one being confirmed. */
  email: string;
  /** For an email change: the account holder's name. */
  customerName?: string;
  confirmUrl: string;
  /** The one-time code, formatted for reading ("7KQ4-XM2P"), and where to enter it. */
  code: string;
  codeUrl: string;
  /** How long the link and code last, already in words in the email's language ("1 hour"). */
  expiresIn: string;
};

function words(locale: Locale) {
  return createTranslator({ locale, messages: MESSAGES[locale], namespace: "emails.confirmEmail" });
}

/** The subject line, in the email's language. */
export function confirmEmailSubject({ locale, storeName, purpose }: Pick<ConfirmEmailProps, "locale" | "storeName" | "purpose">): string {
  return words(locale)(`${purpose === "sign-up" ? "signUp" : "emailChange"}.subject`, { storeName });
}

// The defaults are the React Email preview data.
export default function ConfirmEmail({
  locale = "en",
  storeName = "Juniper Goods",
  purpose = "sign-up",
  email = "alex@example.com",
  customerName,
  confirmUrl = "http://localhost:3000/register/open?token=preview-token&email=alex%40example.com",
  code = "7KQ4-XM2P",
  codeUrl = "http://localhost:3000/register/code",
  expiresIn = "1 hour",
}: Partial<ConfirmEmailProps>) {
  const t = words(locale);
  const common = createTranslator({ locale, messages: MESSAGES[locale], namespace: "emails.common" });
  const key = purpose === "sign-up" ? "signUp" : "emailChange";
  return (
    <EmailLayout
      lang={locale}
      storeName={storeName}
      preview={t("preview", { heading: t(`${key}.heading`), expiresIn, code })}
      footer={common("enteredFooter", { email, storeName })}
    >
      <Heading as="h1" style={emailText.heading}>
        {t(`${key}.heading`)}
      </Heading>
      <Text style={emailText.paragraph}>{customerName ? common("greeting", { name: customerName }) : common("hello")}</Text>
      <Text style={emailText.paragraph}>{t(`${key}.intro`, { storeName })}</Text>
      <Section style={{ margin: "8px 0 24px" }}>
        <Button href={confirmUrl} style={emailText.button}>
          {t(`${key}.button`)}
        </Button>
      </Section>
      <Text style={emailText.paragraph}>{t(`${key}.codeHint`, { codeUrl, expiresIn })}</Text>
      <Text style={emailText.code}>{code}</Text>
      <Text style={emailText.paragraph}>{t.rich(`${key}.ignore`, { strong })}</Text>
      <Text style={emailText.small} data-skip-in-text="true">
        {common("buttonFallback")}
        <br />
        <Link href={confirmUrl} style={emailText.link}>
          {confirmUrl}
        </Link>
      </Text>
    </EmailLayout>
  );
}
