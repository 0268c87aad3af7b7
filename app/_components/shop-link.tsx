import { useLocale } from "next-intl";
import type { AnchorHTMLAttributes } from "react";
import { localePath } from "@/i18n/locales.mjs";

/** A plain link to a shop page, in the page's language: href="/login" is /login in English, /de/login in German. */
export function ShopLink({ href, ...props }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  return <a href={localePath(useLocale(), href)} {...props} />;
}
