import "server-only";
import { render, toPlainText } from "@react-email/render";
import { createElement, type FunctionComponent } from "react";
import AccountChangedEmail, { type AccountChangedEmailProps } from "@/emails/account-changed";
import AddressInUseEmail, { type AddressInUseEmailProps } from "@/emails/address-in-use";
import ConfirmEmail, { type ConfirmEmailProps } from "@/emails/confirm-email";
import PasswordResetEmail, { type PasswordResetEmailProps } from "@/emails/password-reset";
import { getConfig } from "../env";
import type { RenderedEmail } from "./rendered-email";

/**
 * The emails the app sends, by name. The outbox stores a template name and its props rather than rendered html, so
 * writing a message inside a transaction costs nothing, and rendering happens in the worker.
 */
const templates = {
  "password-reset": PasswordResetEmail as FunctionComponent<Partial<PasswordResetEmailProps>>,
  "account-changed": AccountChangedEmail as FunctionComponent<Partial<AccountChangedEmailProps>>,
  "confirm-email": ConfirmEmail as FunctionComponent<Partial<ConfirmEmailProps>>,
  "address-in-use": AddressInUseEmail as FunctionComponent<Partial<AddressInUseEmailProps>>,
};

export type EmailTemplateName = keyof typeof templates;

/** One email as the core asks for it: who gets it, its subject, and the template with its props. */
export type EmailMessage =
  | { to: string; subject: string; template: "password-reset"; props: PasswordResetEmailProps }
  | { to: string; subject: string; template: "account-changed"; props: AccountChangedEmailProps }
  | { to: string; subject: string; template: "confirm-email"; props: ConfirmEmailProps }
  | { to: string; subject: string; template: "address-in-use"; props: AddressInUseEmailProps };

// Headings keep their case in the plain-text part; html-to-text would shout them in capitals.
const plainTextOptions = { selectors: [{ selector: "h1", options: { uppercase: false } }] };

export function isEmailTemplateName(name: string): name is EmailTemplateName {
  return Object.hasOwn(templates, name);
}

/**
 * Renders the template once and derives the plain-text part from that html. `render(…, { plainText: true })` would
 * render the whole React tree a second time only to convert its html the same way (`toPlainText`, the same
 * selectors); rendering once cut the cost of an email from about 6.9 ms to 2.7 ms (docs/BENCHMARKS.md), and a
 * test checks the text is identical.
 */
export async function renderEmail(message: EmailMessage): Promise<RenderedEmail> {
  const html = await render(createElement(templates[message.template], message.props));
  const text = toPlainText(html, plainTextOptions);
  return { from: getConfig().emailFrom, to: message.to, subject: message.subject, html, text };
}
