import { describeUserAgent } from "@/app/_lib/describe-user-agent";
import type { SignedInDevice } from "@/app/_server/auth/sessions";
import { signOutDevice, signOutEverywhereElse } from "./actions";

const timeFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const at = (date: Date) => `${timeFormat.format(date)} UTC`;

/**
 * "Where you're signed in": every live session, this one first and marked, each other one with its own "Sign out"
 * button (a plain form, so it works without JavaScript), and "Sign out everywhere else" when there are others.
 */
export function SignedInDevices({ devices }: { devices: SignedInDevice[] }) {
  const others = devices.filter((device) => !device.current);
  return (
    <>
      <ul className="device-list">
        {devices.map((device) => (
          <li key={device.id} className="device">
            <div>
              <span className="activity-what">
                {describeUserAgent(device.userAgent)}
                {device.current && <span className="badge">This device</span>}
              </span>
              <span className="activity-detail">
                Signed in {at(device.createdAt)} from {device.ip}
                {!device.current && <>. Last seen {at(device.lastSeenAt)}</>}
              </span>
            </div>
            {!device.current && (
              <form action={signOutDevice}>
                <input type="hidden" name="sessionId" value={device.id} />
                <button type="submit" className="button button-secondary button-small" aria-label={`Sign out ${describeUserAgent(device.userAgent)}, signed in ${at(device.createdAt)}`}>
                  Sign out
                </button>
              </form>
            )}
          </li>
        ))}
      </ul>
      {others.length > 0 && (
        <form action={signOutEverywhereElse} className="device-list-footer">
          <button type="submit" className="button button-secondary">
            Sign out everywhere else
          </button>
        </form>
      )}
    </>
  );
}
