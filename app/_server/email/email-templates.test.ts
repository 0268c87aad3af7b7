import { render } from "@react-email/render";
import { createElement, type FunctionComponent } from "react";
import { describe, expect, it } from "vitest";
import AccountChangedEmail from "@/emails/account-changed";
import PasswordResetEmail from "@/emails/password-reset";
import { LOCALES } from "@/i18n/locales.mjs";
import { type EmailMessage, emailSubject, type QueuedEmail, renderEmail } from "./email-templates";

type Template = FunctionComponent<Record<string, unknown>>;

const reset: Extract<EmailMessage, { template: "password-reset" }> = {
  to: "ana@example.com",
  template: "password-reset",
  props: {
    locale: "en",
    storeName: "Juniper & Co <Goods>",
    customerName: "Ana \"Nita\" O'Brien",
    email: "ana@example.com",
    resetUrl: "https://shop.example.com/reset-password?token=AbC_123-xyz&email=ana%40example.com",
    expiresIn: "30 minutes",
    code: "7KQ4-XM2P",
    codeUrl: "https://shop.example.com/reset-password/code",
    codeExpiresIn: "10 minutes",
  },
};

const messages: { component: Template; message: EmailMessage }[] = [
  { component: PasswordResetEmail as Template, message: reset },
  {
    component: AccountChangedEmail as Template,
    message: {
      to: "ana@example.com",
      template: "account-changed",
      props: {
        locale: "de",
        storeName: "Juniper Goods",
        customerName: "Ana",
        change: "email-changed",
        email: "ana@example.com",
        newEmail: "ana.new@example.com",
        changedAt: "02.12.2026, 18:20 UTC",
        notMeUrl: "https://shop.example.com/de/account/not-me?token=abc",
        otherSessionsSignedOut: true,
      },
    },
  },
];

describe("rendering an email for sending", () => {
  it.each(messages)("renders $message.template once, with the same html and plain text as two separate renders", async ({ component, message }) => {
    const rendered = await renderEmail({ ...message, subject: emailSubject(message) });
    const element = createElement(component, message.props);
    const plainTextOptions = { selectors: [{ selector: "h1", options: { uppercase: false } }] };

    expect(rendered.html).toBe(await render(element));
    expect(rendered.text).toBe(await render(element, { plainText: true, htmlToTextOptions: plainTextOptions }));
    expect(rendered).toMatchObject({ to: message.to, subject: emailSubject(message) });
    expect(rendered.html).toContain(`lang="${message.props.locale}"`);
  });

  it("words each subject in the email's language", () => {
    const subjects = LOCALES.map((locale) => emailSubject({ ...reset, props: { ...reset.props, storeName: "Juniper Goods", locale } }));
    expect(subjects).toEqual(["Reset your Juniper Goods password", "Ihr Passwort bei Juniper Goods zurücksetzen", "Réinitialisez votre mot de passe Juniper Goods"]);
  });

  it("renders a message queued before emails had a language in English, with the subject it was queued with", async () => {
    const { locale: _none, ...legacyProps } = reset.props;
    const legacy = { ...reset, props: legacyProps, subject: "Reset your Juniper Goods password" } as unknown as QueuedEmail;
    const rendered = await renderEmail(legacy);
    expect(rendered.subject).toBe("Reset your Juniper Goods password");
    expect(rendered.html).toContain('lang="en"');
    expect(rendered.text).toContain("This link lasts 30 minutes and works once.");
  });
});
