import type { Metadata } from "next";
import type { ReactNode } from "react";
import { StoreFrame } from "@/app/_components/store-frame";
import { currentStoreName } from "@/app/_server/store";

export async function generateMetadata(): Promise<Metadata> {
  const storeName = await currentStoreName();
  return { title: { default: storeName, template: `%s · ${storeName}` } };
}

export default async function ShopLayout({ children }: { children: ReactNode }) {
  return <StoreFrame storeName={await currentStoreName()}>{children}</StoreFrame>;
}
