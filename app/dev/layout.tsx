import type { Metadata } from "next";
import type { ReactNode } from "react";
import { StoreFrame } from "@/app/_components/store-frame";
import { pageSettings } from "@/app/_server/env";
import "../globals.css";

export const metadata: Metadata = { title: "Dev mailbox", robots: { index: false, follow: false } };

/** The dev mailbox: a tool for the store's developers, so it speaks English whatever the shopper's language. */
export default function DevLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <StoreFrame locale="en" storeName={pageSettings().storeName} languageSwitcher={false}>
          {children}
        </StoreFrame>
      </body>
    </html>
  );
}
