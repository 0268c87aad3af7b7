import { render } from "@react-email/render";
import { createElement, type FunctionComponent } from "react";
import { describe, expect, it } from "vitest";
import AccountChangedEmail from "@/emails/account-changed";
import PasswordResetEmail from "@/emails/password-reset";
import { type EmailMessage, renderEmail } from "./email-templates";

type Template = FunctionComponent<Record<string, unknown>>;

const messages: { component: Template; message: EmailMessage }[] = [
  {
    component: PasswordResetEmail as Template,
    message: {
      to: "ana@example.com",
      subject: "Reset your password",
      template: "password-reset",
      props: {
        storeName: "Juniper & Co <Goods>",
        customerName: "Ana \"Nita\" O'Brien",
        email: "ana@example.com",
        resetUrl: "https://shop.example.com/reset-password?token=AbC_123-xyz&email=ana%40example.com",
        expiresIn: "30 minutes",
        code: "7KQ4-XM2P",
        codeUrl: "https://shop.example.com/reset-password/code",
        codeExpiresIn: "10 minutes",
      },
    },
  },
  {
    component: AccountChangedEmail as Template,
    message: {
      to: "ana@example.com",
      subject: "Your email address was changed",
      template: "account-changed",
      props: {
        storeName: "Juniper Goods",
        customerName: "Ana",
        change: "email-changed",
        email: "ana@example.com",
        newEmail: "ana.new@example.com",
        changedAt: "2 Dec 2026, 18:20 UTC",
        notMeUrl: "https://shop.example.com/account/not-me?token=abc",
        otherSessionsSignedOut: true,
      },
    },
  },
];

describe("rendering an email for sending", () => {
  it.each(messages)("renders $message.template once, with the same html and plain text as two separate renders", async ({ component, message }) => {
    const rendered = await renderEmail(message);
    const element = createElement(component, message.props);
    const plainTextOptions = { selectors: [{ selector: "h1", options: { uppercase: false } }] };

    expect(rendered.html).toBe(await render(element));
    expect(rendered.text).toBe(await render(element, { plainText: true, htmlToTextOptions: plainTextOptions }));
    expect(rendered).toMatchObject({ to: message.to, subject: message.subject });
  });
});
