import { useLocale, useTranslations } from "next-intl";
import { formatDateTime } from "@/app/_lib/format";
import type { SecurityEventView } from "@/app/_server/audit";
import { useDeviceName } from "./device-name";

/** The customer's own recent security events: what, when, from which address and browser; repeats as one line. */
export function SecurityActivity({ events }: { events: SecurityEventView[] }) {
  const t = useTranslations("account.activity");
  const locale = useLocale();
  const deviceName = useDeviceName();
  if (events.length === 0) return <p>{t("none")}</p>;
  return (
    <ol className="activity-list">
      {events.map((event) => {
        const where = { device: deviceName(event.userAgent), ip: event.ip };
        return (
          <li key={event.id}>
            <span className="activity-what">
              {t(`events.${event.type}`)}
              {event.count > 1 && ` ${t(event.countIsAtLeast ? "atLeastTimes" : "times", { count: event.count })}`}
            </span>
            <span className="activity-detail">
              {event.count > 1
                ? t("repeatedDetail", { first: formatDateTime(locale, event.firstAt), last: formatDateTime(locale, event.createdAt), ...where })
                : t("detail", { at: formatDateTime(locale, event.createdAt), ...where })}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
