import type { ReactNode } from "react";
import { useLocale } from "next-intl";
import { CopyProvider } from "@/app/_components/form-shell";
import { StoreFrame } from "@/app/_components/store-frame";
import { pageSettings } from "@/app/_server/env";
import { formCopy } from "@/app/_server/shopper-language";

/** The storefront around every page, in the page's language, and the words its forms need in the browser. */
export default function ShopLayout({ children }: { children: ReactNode }) {
  const locale = useLocale();
  return (
    <StoreFrame locale={locale} storeName={pageSettings().storeName}>
      <CopyProvider copy={formCopy(locale)}>{children}</CopyProvider>
    </StoreFrame>
  );
}
