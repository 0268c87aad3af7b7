import type { Messages } from "@/messages";
import type { Locale } from "./locales.mjs";

// Every t("…") is checked against the English catalogue, and every locale against the list.
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
  }
}
