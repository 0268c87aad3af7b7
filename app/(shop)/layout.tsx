import type { Metadata } from "next";
import type { ReactNode } from "react";
import { CopyProvider } from "@/app/_components/form-shell";
import { StoreFrame } from "@/app/_components/store-frame";
import { pageSettings } from "@/app/_server/env";
import { formCopy } from "@/app/_server/shopper-language";

export function generateMetadata(): Metadata {
  const { storeName } = pageSettings();
  return { title: { default: storeName, template: `%s · ${storeName}` } };
}

export default function ShopLayout({ children }: { children: ReactNode }) {
  return (
    <StoreFrame storeName={pageSettings().storeName}>
      <CopyProvider copy={formCopy("en")}>{children}</CopyProvider>
    </StoreFrame>
  );
}
