import { Button, Heading, Link, Section, Text } from "@react-email/components";
import { EmailLayout, emailText } from "./_components/email-layout";

export type PasswordResetEmailProps = {
  storeName: string;
  customerName: string;
  email: string;
  resetUrl: string;
  /** How long the link lasts, already in words ("30 minutes"). */
  expiresIn: string;
  /** The one-time code, formatted for reading ("7KQ4-XM2P"), and where to enter it. */
  code: string;
  codeUrl: string;
  codeExpiresIn: string;
};

// The defaults are the React Email preview data.
export default function PasswordResetEmail({
  storeName = "Juniper Goods",
  customerName = "Alex",
  email = "alex@example.com",
  resetUrl = "http://localhost:3000/reset-password?token=preview-token&email=alex%40example.com",
  expiresIn = "30 minutes",
  code = "7KQ4-XM2P",
  codeUrl = "http://localhost:3000/reset-password/code",
  codeExpiresIn = "10 minutes",
}: Partial<PasswordResetEmailProps>) {
  return (
    <EmailLayout
      storeName={storeName}
      preview={`Choose a new password within ${expiresIn}, or use the code ${code}.`}
      footer={`You received this email because someone asked to reset the password for the ${storeName} account ${email}.`}
    >
      <Heading as="h1" style={emailText.heading}>
        Reset your password
      </Heading>
      <Text style={emailText.paragraph}>Hi {customerName},</Text>
      <Text style={emailText.paragraph}>
        We received a request to reset the password for your {storeName} account. Use this link to choose a new one:
      </Text>
      <Section style={{ margin: "8px 0 24px" }}>
        <Button href={resetUrl} style={emailText.button}>
          Choose a new password
        </Button>
      </Section>
      <Text style={emailText.paragraph}>
        This link lasts {expiresIn} and works once. If it has expired, you can ask for a new one on the sign-in page.
      </Text>
      <Text style={emailText.paragraph}>
        <strong>Resetting on another device?</strong> Go to {codeUrl} there and enter this code with your email
        address. It works once, for {codeExpiresIn}:
      </Text>
      <Text style={emailText.code}>{code}</Text>
      <Text style={emailText.paragraph}>
        <strong>Didn&apos;t ask for this?</strong> You can ignore this email. Your password stays the same, and nobody
        can change it without this link or code. Never share them, not even with us.
      </Text>
      {/* The plain-text part already shows the link in full. */}
      <Text style={emailText.small} data-skip-in-text="true">
        If the button doesn&apos;t work, copy this address into your browser:
        <br />
        <Link href={resetUrl} style={emailText.link}>
          {resetUrl}
        </Link>
      </Text>
    </EmailLayout>
  );
}
