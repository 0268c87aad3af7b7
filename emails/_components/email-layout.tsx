import { Body, Container, Head, Hr, Html, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";

/**
 * The frame every store email shares, in the email's language: a wordmark, a white card, and a footer saying why
 * the mail was sent.
 * Inline styles and a table-based layout (from React Email) keep it readable in Gmail, Outlook and Apple Mail.
 */
export function EmailLayout(props: { lang: string; storeName: string; preview: string; footer: string; children: ReactNode }) {
  return (
    <Html lang={props.lang}>
      <Head>
        <meta name="color-scheme" content="light" />
        <meta name="supported-color-schemes" content="light" />
      </Head>
      <Preview>{props.preview}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Text style={styles.wordmark}>{props.storeName}</Text>
          <Section style={styles.card}>{props.children}</Section>
          <Hr style={styles.rule} />
          <Text style={styles.footer}>{props.footer}</Text>
        </Container>
      </Body>
    </Html>
  );
}

/** For the catalogue's <strong>…</strong> in rich messages. */
export const strong = (chunks: ReactNode) => <strong>{chunks}</strong>;

export const emailText = {
  paragraph: { color: "#27302b", fontSize: "16px", lineHeight: "24px", margin: "0 0 16px" },
  heading: { color: "#1f3d2b", fontSize: "22px", lineHeight: "30px", fontWeight: 600, margin: "0 0 16px" },
  small: { color: "#5b645f", fontSize: "14px", lineHeight: "21px", margin: "0 0 12px" },
  link: { color: "#2f6b4f", textDecoration: "underline", wordBreak: "break-all" as const },
  code: {
    color: "#1f3d2b",
    backgroundColor: "#f6f4ef",
    border: "1px solid #e4e0d6",
    borderRadius: "6px",
    display: "inline-block",
    fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace',
    fontSize: "24px",
    fontWeight: 700,
    letterSpacing: "0.12em",
    margin: "0 0 20px",
    padding: "10px 16px",
  },
  button: {
    backgroundColor: "#1f3d2b",
    borderRadius: "6px",
    color: "#ffffff",
    display: "inline-block",
    fontSize: "16px",
    fontWeight: 600,
    padding: "12px 22px",
    textDecoration: "none",
  },
};

const styles = {
  body: {
    backgroundColor: "#f6f4ef",
    fontFamily: '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, Helvetica, Arial, sans-serif',
    margin: 0,
    padding: "24px 0",
  },
  container: { maxWidth: "560px", margin: "0 auto", padding: "0 16px" },
  wordmark: { color: "#1f3d2b", fontSize: "20px", fontWeight: 700, letterSpacing: "0.02em", margin: "0 0 16px" },
  card: { backgroundColor: "#ffffff", border: "1px solid #e4e0d6", borderRadius: "8px", padding: "28px 28px 12px" },
  rule: { borderColor: "#e4e0d6", margin: "24px 0 12px" },
  footer: { color: "#7a817c", fontSize: "12px", lineHeight: "18px", margin: 0 },
};
