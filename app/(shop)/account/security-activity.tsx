import { describeUserAgent } from "@/app/_lib/describe-user-agent";
import type { SecurityEventType, SecurityEventView } from "@/app/_server/audit";

const labels: Record<SecurityEventType, string> = {
  sign_in_succeeded: "Signed in",
  sign_in_failed: "Wrong password entered",
  password_reset_requested: "Password reset requested",
  password_reset_completed: "Password reset",
  password_changed: "Password changed",
  sessions_revoked: "Signed out on other devices",
  session_ended: "Signed out on another device",
  email_change_requested: "New email address requested",
  email_change_cancelled: "Email address change cancelled",
  email_changed: "Email address changed",
  not_me_reported: "Reported a change that wasn't you",
  account_created: "Account created",
};

const timeFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** The customer's own recent security events: what, when, from which address and browser; repeats as one line. */
export function SecurityActivity({ events }: { events: SecurityEventView[] }) {
  if (events.length === 0) return <p>No activity yet.</p>;
  return (
    <ol className="activity-list">
      {events.map((event) => (
        <li key={event.id}>
          <span className="activity-what">
            {labels[event.type] ?? event.type}
            {event.count > 1 && ` (${event.countIsAtLeast ? "at least " : ""}${event.count} times)`}
          </span>
          <span className="activity-detail">
            {event.count > 1 && (
              <>
                <time dateTime={event.firstAt.toISOString()}>{timeFormat.format(event.firstAt)}</time> to{" "}
              </>
            )}
            <time dateTime={event.createdAt.toISOString()}>{timeFormat.format(event.createdAt)} UTC</time> ·{" "}
            {describeUserAgent(event.userAgent)} · {event.ip}
            {event.count > 1 && " (the latest)"}
          </span>
        </li>
      ))}
    </ol>
  );
}
