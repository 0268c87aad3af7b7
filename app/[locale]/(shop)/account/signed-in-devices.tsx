import { useLocale, useTranslations } from "next-intl";
import { formatDateTime } from "@/app/_lib/format";
import type { SignedInDevice } from "@/app/_server/auth/sessions";
import { signOutDevice, signOutEverywhereElse } from "./actions";
import { useDeviceName } from "./device-name";

/**
 * "Where you're signed in": every live session, this one first and marked, each other one with its own "Sign out"
 * button (a plain form, so it works without JavaScript), and "Sign out everywhere else" when there are others.
 */
export function SignedInDevices({ devices }: { devices: SignedInDevice[] }) {
  const t = useTranslations("account.devices");
  const locale = useLocale();
  const deviceName = useDeviceName();
  const others = devices.filter((device) => !device.current);
  return (
    <>
      <ul className="device-list">
        {devices.map((device) => {
          const name = deviceName(device.userAgent);
          const signedInAt = formatDateTime(locale, device.createdAt);
          return (
            <li key={device.id} className="device">
              <div>
                <span className="activity-what">
                  {name}
                  {device.current && <span className="badge">{t("thisDevice")}</span>}
                </span>
                <span className="activity-detail">
                  {device.current
                    ? t("signedIn", { at: signedInAt, ip: device.ip })
                    : t("signedInLastSeen", { at: signedInAt, ip: device.ip, lastSeen: formatDateTime(locale, device.lastSeenAt) })}
                </span>
              </div>
              {!device.current && (
                <form action={signOutDevice}>
                  <input type="hidden" name="sessionId" value={device.id} />
                  <button type="submit" className="button button-secondary button-small" aria-label={t("signOutDevice", { device: name, at: signedInAt })}>
                    {t("signOut")}
                  </button>
                </form>
              )}
            </li>
          );
        })}
      </ul>
      {others.length > 0 && (
        <form action={signOutEverywhereElse} className="device-list-footer">
          <button type="submit" className="button button-secondary">
            {t("signOutEverywhereElse")}
          </button>
        </form>
      )}
    </>
  );
}
