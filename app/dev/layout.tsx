import type { Metadata } from "next";
import type { ReactNode } from "react";
import { StoreFrame } from "@/app/_components/store-frame";
import { currentStoreName } from "@/app/_server/store";

export const metadata: Metadata = { title: "Dev mailbox" };

export default async function DevLayout({ children }: { children: ReactNode }) {
  return <StoreFrame storeName={await currentStoreName()}>{children}</StoreFrame>;
}
