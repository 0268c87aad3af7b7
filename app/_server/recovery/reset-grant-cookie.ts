import "server-only";
import { cookies } from "next/headers";
import { getConfig } from "../env";

/**
 * Where a browser keeps its reset grant once the token has left the URL: HttpOnly (no script reads it),
 * SameSite=Strict (no other site can make the browser send it), Secure when the shop runs on https, and scoped to
 * the only paths that need it: /reset-password for the pages, /api/v1/password-reset for the JSON API.
 */
export const RESET_GRANT_COOKIE = "reset_grant";
const RESET_GRANT_COOKIE_PATH = "/reset-password";
/** The JSON API's grant cookie (for browser front ends) is the same, scoped to the API's reset endpoints instead. */
export const API_RESET_GRANT_COOKIE_PATH = "/api/v1/password-reset";

export function resetGrantCookieOptions(expiresAt: Date, now = new Date(), path = RESET_GRANT_COOKIE_PATH) {
  return {
    httpOnly: true,
    sameSite: "strict" as const,
    secure: getConfig().appUrl.startsWith("https:"),
    path,
    maxAge: Math.max(0, Math.floor((expiresAt.getTime() - now.getTime()) / 1000)),
  };
}

export async function readResetGrantCookie(): Promise<string | undefined> {
  return (await cookies()).get(RESET_GRANT_COOKIE)?.value;
}

export async function setResetGrantCookie(grant: string, expiresAt: Date): Promise<void> {
  (await cookies()).set(RESET_GRANT_COOKIE, grant, resetGrantCookieOptions(expiresAt));
}

export async function clearResetGrantCookie(): Promise<void> {
  (await cookies()).set(RESET_GRANT_COOKIE, "", { ...resetGrantCookieOptions(new Date(0)), maxAge: 0 });
}
