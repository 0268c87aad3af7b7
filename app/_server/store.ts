import "server-only";
import { connection } from "next/server";
import { getConfig } from "./env";

/**
 * The store's name for a page being rendered. `connection()` marks the page as rendered per request, so the name
 * (like every setting) is read from the running server's environment, never frozen in at build time.
 */
export async function currentStoreName(): Promise<string> {
  await connection();
  return getConfig().storeName;
}
