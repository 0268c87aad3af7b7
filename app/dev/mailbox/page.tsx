import { notFound } from "next/navigation";
import { isDevMailboxEnabled } from "@/app/_server/email/dev-mailbox-access";
import { listDevMailboxMessages } from "@/app/_server/email/dev-mailbox";
import { formatReceivedAt } from "./format-received-at";

export default async function DevMailboxPage() {
  if (!(await isDevMailboxEnabled())) notFound();
  const messages = await listDevMailboxMessages();
  return (
    <>
      <h1>Dev mailbox</h1>
      <p className="dev-banner">
        Without <code>RESEND_API_KEY</code>, emails are kept here instead of being sent. Newest first.{" "}
        <a href="/dev/mailbox/previews">Preview every template in every language</a>.
      </p>
      {messages.length === 0 ? (
        <p>
          No emails yet. <a href="/forgot-password">Ask for a password reset</a> and it will appear here.
        </p>
      ) : (
        <table className="mailbox-table">
          <caption className="visually-hidden">Emails sent by the app</caption>
          <thead>
            <tr>
              <th scope="col">Received</th>
              <th scope="col">To</th>
              <th scope="col">Subject</th>
            </tr>
          </thead>
          <tbody>
            {messages.map((message) => (
              <tr key={message.id}>
                <td>{formatReceivedAt(message.createdAt)}</td>
                <td>{message.to}</td>
                <td>
                  <a href={`/dev/mailbox/${message.id}`}>{message.subject}</a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
