import "server-only";
import { connection } from "next/server";
import { getConfig } from "../env";

/**
 * Whether /dev/mailbox is served: by default in development, and in production only with DEV_MAILBOX_ENABLED=true,
 * because the mailbox shows every reset link the app has sent.
 */
export async function isDevMailboxEnabled(): Promise<boolean> {
  await connection();
  return getConfig().devMailboxEnabled;
}
