import { notFound } from "next/navigation";
import { Fragment } from "react";
import { isDevMailboxEnabled } from "@/app/_server/email/dev-mailbox-access";
import { findDevMailboxMessage } from "@/app/_server/email/dev-mailbox";
import { formatReceivedAt } from "../format-received-at";
import { MailboxFrame } from "./mailbox-frame";

export default async function DevMailboxMessagePage({ params }: { params: Promise<{ id: string }> }) {
  if (!(await isDevMailboxEnabled())) notFound();
  const message = await findDevMailboxMessage((await params).id);
  if (!message) notFound();

  return (
    <>
      <p>
        <a href="/dev/mailbox">← All emails</a>
      </p>
      <h1>{message.subject}</h1>
      <dl className="details">
        <dt>From</dt>
        <dd>{message.from}</dd>
        <dt>To</dt>
        <dd>{message.to}</dd>
        <dt>Received</dt>
        <dd>{formatReceivedAt(message.createdAt)}</dd>
      </dl>
      <h2>HTML version</h2>
      <MailboxFrame title={`Email: ${message.subject}`} src={`/dev/mailbox/${message.id}/html`} />
      <h2>Plain-text version</h2>
      <pre className="mailbox-text">{linkify(message.text)}</pre>
    </>
  );
}

/** Makes the URLs in a plain-text email clickable. */
function linkify(text: string) {
  return text.split(/(https?:\/\/[^\s\]]+)/g).map((part, index) =>
    index % 2 === 1 ? (
      <a key={index} href={part}>
        {part}
      </a>
    ) : (
      <Fragment key={index}>{part}</Fragment>
    ),
  );
}
