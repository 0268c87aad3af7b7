import { Button, Heading, Link, Section, Text } from "@react-email/components";
import { EmailLayout, emailText } from "./_components/email-layout";

export type ConfirmEmailProps = {
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
  /** How long the link and code last, already in words ("1 hour"). */
  expiresIn: string;
};

const wording = {
  "sign-up": {
    heading: "Finish creating your account",
    intro: (storeName: string) => `Someone, we hope you, started creating a ${storeName} account with this address. Use this link to choose your name and password:`,
    button: "Finish creating my account",
    codeHint: (codeUrl: string) => `On another device? Go to ${codeUrl} there and enter this code with your email address.`,
    ignore: "You can ignore this email. No account is created without this link or code.",
  },
  "email-change": {
    heading: "Confirm your new email address",
    intro: (storeName: string) => `You asked to use this address for your ${storeName} account. Confirm it with this link:`,
    button: "Confirm my new address",
    codeHint: () => "Or enter this code on your account page, where you asked for the change.",
    ignore: "You can ignore this email. Nothing changes without this link or code.",
  },
};

// The defaults are the React Email preview data.
export default function ConfirmEmail({
  storeName = "Juniper Goods",
  purpose = "sign-up",
  email = "alex@example.com",
  customerName,
  confirmUrl = "http://localhost:3000/register/open?token=preview-token&email=alex%40example.com",
  code = "7KQ4-XM2P",
  codeUrl = "http://localhost:3000/register/code",
  expiresIn = "1 hour",
}: Partial<ConfirmEmailProps>) {
  const words = wording[purpose];
  return (
    <EmailLayout
      storeName={storeName}
      preview={`${words.heading}: use the link within ${expiresIn}, or the code ${code}.`}
      footer={`You received this email because someone entered ${email} on ${storeName}.`}
    >
      <Heading as="h1" style={emailText.heading}>
        {words.heading}
      </Heading>
      <Text style={emailText.paragraph}>{customerName ? `Hi ${customerName},` : "Hello,"}</Text>
      <Text style={emailText.paragraph}>{words.intro(storeName)}</Text>
      <Section style={{ margin: "8px 0 24px" }}>
        <Button href={confirmUrl} style={emailText.button}>
          {words.button}
        </Button>
      </Section>
      <Text style={emailText.paragraph}>{words.codeHint(codeUrl)} The link and the code last {expiresIn} and work once:</Text>
      <Text style={emailText.code}>{code}</Text>
      <Text style={emailText.paragraph}>
        <strong>Didn&apos;t ask for this?</strong> {words.ignore} Never share the link or the code, not even with us.
      </Text>
      <Text style={emailText.small} data-skip-in-text="true">
        If the button doesn&apos;t work, copy this address into your browser:
        <br />
        <Link href={confirmUrl} style={emailText.link}>
          {confirmUrl}
        </Link>
      </Text>
    </EmailLayout>
  );
}
