import { Button, Heading, Section, Text } from "@react-email/components";
import { createTranslator } from "next-intl";
import type { Locale } from "@/i18n/locales.mjs";
import { MESSAGES } from "@/messages";
import { EmailLayout, emailText, strong } from "./_components/email-layout";

export type AccountChange = "password-reset" | "password-changed" | "email-change-requested" | "email-changed";

export type AccountChangedEmailProps = {
  /** The account's language. */
  locale: Locale;
  storeName: string;
  customerName: string;
  /** What changed, which decides the wording. */
  change: AccountChange;
  /** The address the email goes to (for an email change, the previous one). */
  email: string;
  /** For an email change: the new address (masked, n•••@example.com, while the change is only asked for). */
  newEmail?: string;
  /** When it happened, already formatted for reading in the email's language. */
  changedAt: string;
  notMeUrl: string;
  /** Whether other devices were signed out as part of the change. */
  otherSessionsSignedOut: boolean;
};

/** The catalogue's key for each change. */
const KEYS = {
  "password-reset": "passwordReset",
  "password-changed": "passwordChanged",
  "email-change-requested": "emailChangeRequested",
  "email-changed": "emailChanged",
} as const satisfies Record<AccountChange, string>;

function words(locale: Locale) {
  return createTranslator({ locale, messages: MESSAGES[locale], namespace: "emails.accountChanged" });
}

/** The subject line, in the email's language. */
export function accountChangedSubject({ locale, storeName, change }: Pick<AccountChangedEmailProps, "locale" | "storeName" | "change">): string {
  return words(locale)(`${KEYS[change]}.subject`, { storeName });
}

// The defaults are the React Email preview data.
export default function AccountChangedEmail({
  locale = "en",
  storeName = "Juniper Goods",
  customerName = "Alex",
  change = "password-reset",
  email = "alex@example.com",
  newEmail = "alex.new@example.com",
  changedAt = "24 Nov 2026, 09:41 UTC",
  notMeUrl = "http://localhost:3000/account/not-me?token=preview-token",
  otherSessionsSignedOut = true,
}: Partial<AccountChangedEmailProps>) {
  const t = words(locale);
  const common = createTranslator({ locale, messages: MESSAGES[locale], namespace: "emails.common" });
  const key = KEYS[change];
  const emailChange = change === "email-changed" || change === "email-change-requested";
  const values = { storeName, email, newEmail: newEmail ?? "", changedAt };
  return (
    <EmailLayout lang={locale} storeName={storeName} preview={t("preview", { headline: t(`${key}.headline`), changedAt })} footer={t("footer", { storeName })}>
      <Heading as="h1" style={emailText.heading}>
        {t(`${key}.headline`)}
      </Heading>
      <Text style={emailText.paragraph}>{common("greeting", { name: customerName })}</Text>
      <Text style={emailText.paragraph}>
        {t(`${key}.what`, values)}
        {!emailChange && ` ${t(otherSessionsSignedOut ? "othersSignedOut" : "othersStayed")}`}
      </Text>
      <Text style={emailText.paragraph}>{t("ifYou")}</Text>
      <Text style={emailText.paragraph}>{t.rich(`${key}.ifNotYou`, { strong })}</Text>
      <Section style={{ margin: "8px 0 24px" }}>
        <Button href={notMeUrl} style={emailText.button}>
          {t("notMe")}
        </Button>
      </Section>
    </EmailLayout>
  );
}
