import { useTranslations } from "next-intl";
import { parseUserAgent } from "@/app/_lib/parse-user-agent";

/** "Chrome on macOS", "Chrome unter macOS", "Chrome sur macOS": a session's device, in the page's language. */
export function useDeviceName(): (userAgent: string) => string {
  const t = useTranslations("account.device");
  return (userAgent) => {
    const { browser, system } = parseUserAgent(userAgent);
    if (!browser && !system) return t("unknown");
    const name = browser ?? t("someBrowser");
    return system ? t("onSystem", { browser: name, system }) : name;
  };
}
