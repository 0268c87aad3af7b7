import "server-only";
import { formatDateTime, formatDuration } from "@/app/_lib/format";
import { type Locale, LOCALES, localePath } from "@/i18n/locales.mjs";
import { getConfig } from "../env";
import { type EmailMessage, emailSubject, renderEmail } from "./email-templates";

/**
 * Every email the store sends, in every variant and every language, with sample data: the dev mailbox shows them at
 * /dev/mailbox/previews, rendered exactly as the outbox renders a real one (renderEmail), so a template or a
 * translation can be checked without making it happen. The sample links point at this store, in the email's language.
 */
const SAMPLE_VARIANTS = [
  "password-reset",
  "account-changed/password-reset",
  "account-changed/password-changed",
  "account-changed/email-change-requested",
  "account-changed/email-changed",
  "confirm-email/sign-up",
  "confirm-email/email-change",
  "address-in-use/sign-up",
  "address-in-use/email-change",
] as const;
export type EmailPreviewVariant = (typeof SAMPLE_VARIANTS)[number];

export function isEmailPreviewVariant(value: string): value is EmailPreviewVariant {
  return (SAMPLE_VARIANTS as readonly string[]).includes(value);
}

/** The sample message for a variant in a language. */
function sampleMessage(variant: EmailPreviewVariant, locale: Locale): EmailMessage {
  const { storeName, appUrl, resetTokenTtlMinutes } = getConfig();
  const link = (path: string) => new URL(localePath(locale, path), appUrl).toString();
  const to = "alex@example.com";
  const [template, kind] = variant.split("/") as [EmailMessage["template"], string | undefined];
  switch (template) {
    case "password-reset":
      return {
        to,
        template,
        props: {
          locale,
          storeName,
          customerName: "Alex",
          email: to,
          resetUrl: link("/reset-password?token=preview-token&email=alex%40example.com"),
          expiresIn: formatDuration(locale, resetTokenTtlMinutes),
          code: "7KQ4-XM2P",
          codeUrl: link("/reset-password/code"),
          codeExpiresIn: formatDuration(locale, 10),
        },
      };
    case "account-changed":
      return {
        to,
        template,
        props: {
          locale,
          storeName,
          customerName: "Alex",
          change: kind as "password-reset" | "password-changed" | "email-change-requested" | "email-changed",
          email: to,
          newEmail: kind === "email-change-requested" ? "a•••@example.org" : "alex@example.org",
          changedAt: formatDateTime(locale, new Date("2026-11-24T09:41:00Z")),
          notMeUrl: link("/account/not-me?token=preview-token"),
          otherSessionsSignedOut: true,
        },
      };
    case "confirm-email":
      return {
        to,
        template,
        props: {
          locale,
          storeName,
          purpose: kind as "sign-up" | "email-change",
          email: to,
          customerName: kind === "email-change" ? "Alex" : undefined,
          confirmUrl: link(kind === "email-change" ? "/account/email/open?token=preview-token&email=alex%40example.com" : "/register/open?token=preview-token&email=alex%40example.com"),
          code: "7KQ4-XM2P",
          codeUrl: link(kind === "email-change" ? "/account" : "/register/code"),
          expiresIn: formatDuration(locale, 60),
        },
      };
    case "address-in-use":
      return {
        to,
        template,
        props: {
          locale,
          storeName,
          purpose: kind as "sign-up" | "email-change",
          customerName: "Alex",
          email: to,
          signInUrl: link("/login"),
          forgotPasswordUrl: link("/forgot-password"),
        },
      };
  }
}

/** The list the previews page shows: each variant, with its subject in each language. */
export function emailPreviewList() {
  return SAMPLE_VARIANTS.map((variant) => ({
    variant,
    subjects: LOCALES.map((locale) => ({ locale, subject: emailSubject(sampleMessage(variant, locale)) })),
  }));
}

/** One preview, rendered as the outbox would send it. */
export function renderEmailPreview(variant: EmailPreviewVariant, locale: Locale) {
  const message = sampleMessage(variant, locale);
  return renderEmail({ ...message, subject: emailSubject(message) });
}
