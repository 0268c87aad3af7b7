import type { Metadata } from "next";
import type { ReactNode } from "react";
import { StoreFrame } from "@/app/_components/store-frame";
import { pageSettings } from "@/app/_server/env";

export const metadata: Metadata = { title: "Dev mailbox" };

export default function DevLayout({ children }: { children: ReactNode }) {
  return <StoreFrame storeName={pageSettings().storeName}>{children}</StoreFrame>;
}
