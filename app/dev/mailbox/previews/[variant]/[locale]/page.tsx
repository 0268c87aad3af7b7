import { notFound } from "next/navigation";
import { isDevMailboxEnabled } from "@/app/_server/email/dev-mailbox-access";
import { isEmailPreviewVariant, renderEmailPreview } from "@/app/_server/email/email-previews";
import { isLocale, LOCALE_NAMES } from "@/i18n/locales.mjs";
import { MailboxFrame } from "../../../[id]/mailbox-frame";

/** One email template in one language, with sample data: its subject, its HTML part and its plain text. */
export default async function EmailPreviewPage({ params }: { params: Promise<{ variant: string; locale: string }> }) {
  if (!(await isDevMailboxEnabled())) notFound();
  const { variant: slug, locale } = await params;
  const variant = slug.replace("~", "/");
  if (!isEmailPreviewVariant(variant) || !isLocale(locale)) notFound();
  const email = await renderEmailPreview(variant, locale);
  return (
    <>
      <p>
        <a href="/dev/mailbox/previews">← All previews</a>
      </p>
      <h1 lang={locale}>{email.subject}</h1>
      <dl className="details">
        <dt>Template</dt>
        <dd>
          <code>{variant}</code>
        </dd>
        <dt>Language</dt>
        <dd>{LOCALE_NAMES[locale]}</dd>
      </dl>
      <h2>HTML version</h2>
      <MailboxFrame title={`Preview: ${email.subject}`} src={`/dev/mailbox/previews/${slug}/${locale}/html`} />
      <h2>Plain-text version</h2>
      <pre className="mailbox-text" lang={locale}>
        {email.text}
      </pre>
    </>
  );
}
