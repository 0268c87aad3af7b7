import { notFound } from "next/navigation";
import { isDevMailboxEnabled } from "@/app/_server/email/dev-mailbox-access";
import { emailPreviewList } from "@/app/_server/email/email-previews";
import { LOCALE_NAMES } from "@/i18n/locales.mjs";

export const metadata = { title: "Email previews" };

/** Every email the store sends, in every language, with sample data (app/_server/email/email-previews.ts). */
export default async function EmailPreviewsPage() {
  if (!(await isDevMailboxEnabled())) notFound();
  return (
    <>
      <p>
        <a href="/dev/mailbox">← All emails</a>
      </p>
      <h1>Email previews</h1>
      <p className="dev-banner">Each template in each language, rendered as the outbox sends it, with sample data.</p>
      <table className="mailbox-table">
        <caption className="visually-hidden">Email templates by language</caption>
        <thead>
          <tr>
            <th scope="col">Template</th>
            <th scope="col">Subject, by language</th>
          </tr>
        </thead>
        <tbody>
          {emailPreviewList().map(({ variant, subjects }) => (
            <tr key={variant}>
              <td>
                <code>{variant}</code>
              </td>
              <td>
                <ul className="plain-list">
                  {subjects.map(({ locale, subject }) => (
                    <li key={locale} lang={locale}>
                      <a href={`/dev/mailbox/previews/${variant.replace("/", "~")}/${locale}`}>{subject}</a>{" "}
                      <span className="field-hint">({LOCALE_NAMES[locale]})</span>
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
