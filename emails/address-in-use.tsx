import { Button, Heading, Link, Section, Text } from "@react-email/components";
import { createTranslator } from "next-intl";
import type { Locale } from "@/i18n/locales.mjs";
import { MESSAGES } from "@/messages";
import { EmailLayout, emailText, strong } from "./_components/email-layout";

export type AddressInUseEmailProps = {
  /** The language of the account that holds the address: it goes to that account's owner. */
  locale: Locale;
  storeName: string;
  /** Someone tried to create an account with this address, or to move another account to it. */
  purpose: "sign-up" | "email-change";
  customerName: string;
  /** The address the email goes to: the one that already has an account. */
  email: string;
  signInUrl: string;
  forgotPasswordUrl: string;
};

function words(locale: Locale) {
  return createTranslator({ locale, messages: MESSAGES[locale], namespace: "emails.addressInUse" });
}

/** The subject line, in the email's language. */
export function addressInUseSubject({ locale, storeName, purpose }: Pick<AddressInUseEmailProps, "locale" | "storeName" | "purpose">): string {
  return words(locale)(`${purpose === "sign-up" ? "signUp" : "emailChange"}.subject`, { storeName });
}

// The defaults are the React Email preview data.
export default function AddressInUseEmail({
  locale = "en",
  storeName = "Juniper Goods",
  purpose = "sign-up",
  customerName = "Alex",
  email = "alex@example.com",
  signInUrl = "http://localhost:3000/login",
  forgotPasswordUrl = "http://localhost:3000/forgot-password",
}: Partial<AddressInUseEmailProps>) {
  const t = words(locale);
  const common = createTranslator({ locale, messages: MESSAGES[locale], namespace: "emails.common" });
  const key = purpose === "sign-up" ? "signUp" : "emailChange";
  return (
    <EmailLayout lang={locale} storeName={storeName} preview={t(`${key}.preview`)} footer={common("enteredFooter", { email, storeName })}>
      <Heading as="h1" style={emailText.heading}>
        {t(`${key}.heading`)}
      </Heading>
      <Text style={emailText.paragraph}>{common("greeting", { name: customerName })}</Text>
      <Text style={emailText.paragraph}>{t(`${key}.what`, { storeName })}</Text>
      <Text style={emailText.paragraph}>{t("ifYou")}</Text>
      <Section style={{ margin: "8px 0 16px" }}>
        <Button href={signInUrl} style={emailText.button}>
          {t("signIn")}
        </Button>
      </Section>
      <Text style={emailText.paragraph}>
        {t.rich("forgotten", { link: (chunks) => <Link href={forgotPasswordUrl} style={emailText.link}>{chunks}</Link>, url: forgotPasswordUrl })}
      </Text>
      <Text style={emailText.paragraph}>{t.rich("notYou", { strong })}</Text>
    </EmailLayout>
  );
}
