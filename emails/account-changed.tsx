import { Button, Heading, Section, Text } from "@react-email/components";
import { EmailLayout, emailText } from "./_components/email-layout";

export type AccountChangedEmailProps = {
  storeName: string;
  customerName: string;
  /** What changed, which decides the wording. */
  change: "password-reset" | "password-changed" | "email-change-requested" | "email-changed";
  /** The address the email goes to (for an email change, the previous one). */
  email: string;
  /** For an email change: the new address (masked, n•••@example.com, while the change is only asked for). */
  newEmail?: string;
  /** When it happened, already formatted for reading. */
  changedAt: string;
  notMeUrl: string;
  /** Whether other devices were signed out as part of the change. */
  otherSessionsSignedOut: boolean;
};

const headlines: Record<AccountChangedEmailProps["change"], string> = {
  "password-reset": "Your password was reset",
  "password-changed": "Your password was changed",
  "email-change-requested": "Someone asked to change your email address",
  "email-changed": "Your email address was changed",
};

// The defaults are the React Email preview data.
export default function AccountChangedEmail({
  storeName = "Juniper Goods",
  customerName = "Alex",
  change = "password-reset",
  email = "alex@example.com",
  newEmail = "alex.new@example.com",
  changedAt = "24 Nov 2026, 09:41 UTC",
  notMeUrl = "http://localhost:3000/account/not-me?token=preview-token",
  otherSessionsSignedOut = true,
}: Partial<AccountChangedEmailProps>) {
  const emailChange = change === "email-changed" || change === "email-change-requested";
  const what =
    change === "email-change-requested"
      ? `someone signed in to your ${storeName} account asked to change its email address from ${email} to ${newEmail}. It changes only once the new address is confirmed`
      : change === "email-changed"
        ? `the email address on your ${storeName} account was changed from ${email} to ${newEmail}`
        : `the password for your ${storeName} account (${email}) was ${change === "password-reset" ? "reset" : "changed"}`;
  return (
    <EmailLayout
      storeName={storeName}
      preview={`${headlines[change]} on ${changedAt}. If this wasn't you, secure your account.`}
      footer={`${storeName} sends this email whenever someone changes, or asks to change, the password or email address of an account, so you always hear about it.`}
    >
      <Heading as="h1" style={emailText.heading}>
        {headlines[change]}
      </Heading>
      <Text style={emailText.paragraph}>Hi {customerName},</Text>
      <Text style={emailText.paragraph}>
        On {changedAt}, {what}.
        {!emailChange && (otherSessionsSignedOut ? " Every other device was signed out." : " Other devices stayed signed in.")}
      </Text>
      <Text style={emailText.paragraph}>If this was you, there&apos;s nothing else to do.</Text>
      <Text style={emailText.paragraph}>
        <strong>If it wasn&apos;t you,</strong> someone else may have access to your account. We&apos;ll
        {change === "email-change-requested" ? " cancel the change, sign everyone out," : " sign everyone out,"}
        {change === "email-changed" ? " put your email address back," : ""} and send you a link to choose a new
        password:
      </Text>
      <Section style={{ margin: "8px 0 24px" }}>
        <Button href={notMeUrl} style={emailText.button}>
          This wasn&apos;t me
        </Button>
      </Section>
    </EmailLayout>
  );
}
