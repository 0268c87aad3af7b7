import { Button, Heading, Link, Section, Text } from "@react-email/components";
import { EmailLayout, emailText } from "./_components/email-layout";

export type AddressInUseEmailProps = {
  storeName: string;
  /** Someone tried to create an account with this address, or to move another account to it. */
  purpose: "sign-up" | "email-change";
  customerName: string;
  /** The address the email goes to: the one that already has an account. */
  email: string;
  signInUrl: string;
  forgotPasswordUrl: string;
};

// The defaults are the React Email preview data.
export default function AddressInUseEmail({
  storeName = "Juniper Goods",
  purpose = "sign-up",
  customerName = "Alex",
  email = "alex@example.com",
  signInUrl = "http://localhost:3000/login",
  forgotPasswordUrl = "http://localhost:3000/forgot-password",
}: Partial<AddressInUseEmailProps>) {
  const what =
    purpose === "sign-up"
      ? `Someone tried to create a new ${storeName} account with this address. You already have one, so we didn't create another, and nothing about your account has changed.`
      : `Someone asked to move a different ${storeName} account to this address. It's already yours, so we didn't, and nothing about your account has changed.`;
  return (
    <EmailLayout
      storeName={storeName}
      preview={purpose === "sign-up" ? "You already have an account. Sign in, or reset your password." : "Nothing changed on your account."}
      footer={`You received this email because someone entered ${email} on ${storeName}.`}
    >
      <Heading as="h1" style={emailText.heading}>
        {purpose === "sign-up" ? "You already have an account" : "Your address is already in use"}
      </Heading>
      <Text style={emailText.paragraph}>Hi {customerName},</Text>
      <Text style={emailText.paragraph}>{what}</Text>
      <Text style={emailText.paragraph}>If it was you, sign in. If you&apos;ve forgotten your password, you can reset it.</Text>
      <Section style={{ margin: "8px 0 16px" }}>
        <Button href={signInUrl} style={emailText.button}>
          Sign in
        </Button>
      </Section>
      <Text style={emailText.paragraph}>
        Forgotten your password? <Link href={forgotPasswordUrl} style={emailText.link}>Reset it here</Link>: {forgotPasswordUrl}
      </Text>
      <Text style={emailText.paragraph}>
        <strong>Wasn&apos;t you?</strong> You can ignore this email. Your account stays as it is.
      </Text>
    </EmailLayout>
  );
}
