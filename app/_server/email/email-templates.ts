import "server-only";
import { render, toPlainText } from "@react-email/render";
import { createElement, type FunctionComponent } from "react";
import AccountChangedEmail, { type AccountChangedEmailProps, accountChangedSubject } from "@/emails/account-changed";
import AddressInUseEmail, { type AddressInUseEmailProps, addressInUseSubject } from "@/emails/address-in-use";
import ConfirmEmail, { type ConfirmEmailProps, confirmEmailSubject } from "@/emails/confirm-email";
import PasswordResetEmail, { type PasswordResetEmailProps, passwordResetSubject } from "@/emails/password-reset";
import { getConfig } from "../env";
import type { RenderedEmail } from "./rendered-email";

/**
 * The emails the app sends, by name, each with its subject line. The outbox stores a template name, its subject and
 * its props rather than rendered html, so writing a message inside a transaction costs nothing, and rendering happens
 * in the worker. Every template's props carry its language (`locale`), chosen by whoever queues it: the request's
 * for an email a request asked for, the account's for a notice to the account's owner.
 */
const templates = {
  "password-reset": { component: PasswordResetEmail as FunctionComponent<Partial<PasswordResetEmailProps>>, subject: passwordResetSubject },
  "account-changed": { component: AccountChangedEmail as FunctionComponent<Partial<AccountChangedEmailProps>>, subject: accountChangedSubject },
  "confirm-email": { component: ConfirmEmail as FunctionComponent<Partial<ConfirmEmailProps>>, subject: confirmEmailSubject },
  "address-in-use": { component: AddressInUseEmail as FunctionComponent<Partial<AddressInUseEmailProps>>, subject: addressInUseSubject },
};

export type EmailTemplateName = keyof typeof templates;

/** One email as the core asks for it: who gets it, and the template with its props (its language among them). */
export type EmailMessage =
  | { to: string; template: "password-reset"; props: PasswordResetEmailProps }
  | { to: string; template: "account-changed"; props: AccountChangedEmailProps }
  | { to: string; template: "confirm-email"; props: ConfirmEmailProps }
  | { to: string; template: "address-in-use"; props: AddressInUseEmailProps };

/** A message as the outbox keeps it: with its subject, worded when it was queued. */
export type QueuedEmail = EmailMessage & { subject: string };

// Headings keep their case in the plain-text part; html-to-text would shout them in capitals.
const plainTextOptions = { selectors: [{ selector: "h1", options: { uppercase: false } }] };

export function isEmailTemplateName(name: string): name is EmailTemplateName {
  return Object.hasOwn(templates, name);
}

/** The subject line of a message, in its language. */
export function emailSubject(message: EmailMessage): string {
  const { subject } = templates[message.template] as { subject: (props: EmailMessage["props"]) => string };
  return subject(message.props);
}

/**
 * Renders the template once and derives the plain-text part from that html. `render(…, { plainText: true })` would
 * render the whole React tree a second time only to convert its html the same way (`toPlainText`, the same
 * selectors); rendering once cut the cost of an email from about 6.9 ms to 2.7 ms (docs/BENCHMARKS.md), and a
 * test checks the text is identical. A message queued before emails had a language renders in English.
 */
export async function renderEmail(message: QueuedEmail): Promise<RenderedEmail> {
  const { component } = templates[message.template] as { component: FunctionComponent<Partial<EmailMessage["props"]>> };
  const html = await render(createElement(component, message.props));
  const text = toPlainText(html, plainTextOptions);
  return { from: getConfig().emailFrom, to: message.to, subject: message.subject, html, text };
}
