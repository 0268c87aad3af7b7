import type { Metadata } from "next";
import type { ReactNode } from "react";
import { StoreFrame } from "@/app/_components/store-frame";
import { pageSettings } from "@/app/_server/env";

export function generateMetadata(): Metadata {
  const { storeName } = pageSettings();
  return { title: { default: storeName, template: `%s · ${storeName}` } };
}

export default function ShopLayout({ children }: { children: ReactNode }) {
  return <StoreFrame storeName={pageSettings().storeName}>{children}</StoreFrame>;
}
