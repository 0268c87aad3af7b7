import "server-only";
import { getConfig } from "../env";

/**
 * Where a browser keeps its reset grant once the token has left the URL, for the reset pages and for browser front
 * ends of the JSON API alike: HttpOnly (no script reads it), SameSite=Strict (no other site can make the browser
 * send it), Secure when the shop runs on https, and scoped to the only paths that need it.
 */
export const RESET_GRANT_COOKIE = "reset_grant";
export const RESET_GRANT_COOKIE_PATHS = { pages: "/reset-password", api: "/api/v1/password-reset" } as const;
export type ResetGrantCookieScope = keyof typeof RESET_GRANT_COOKIE_PATHS;

type CookieOptions = ReturnType<typeof resetGrantCookieOptions>;
/** What Next's `cookies()`, a NextRequest's and a NextResponse's cookies all offer. */
type CookieReader = { get(name: string): { value: string } | undefined };
type CookieWriter = { set(name: string, value: string, options: CookieOptions): unknown };

export function resetGrantCookieOptions(scope: ResetGrantCookieScope, expiresAt: Date, now = new Date()) {
  return {
    httpOnly: true,
    sameSite: "strict" as const,
    secure: getConfig().appUrl.startsWith("https:"),
    path: RESET_GRANT_COOKIE_PATHS[scope],
    maxAge: Math.max(0, Math.floor((expiresAt.getTime() - now.getTime()) / 1000)),
  };
}

export function readResetGrantCookie(jar: CookieReader): string | undefined {
  return jar.get(RESET_GRANT_COOKIE)?.value || undefined;
}

export function setResetGrantCookie(jar: CookieWriter, scope: ResetGrantCookieScope, grant: string, expiresAt: Date): void {
  jar.set(RESET_GRANT_COOKIE, grant, resetGrantCookieOptions(scope, expiresAt));
}

/**
 * Once the reset is done, the browser has no use for the grant. A dead one is left to expire on its own
 * (RESET_GRANT_TTL_MINUTES at most), so a reset page re-rendered without JavaScript can still say why it can't be used.
 */
export function forgetResetGrantCookie(jar: CookieWriter, scope: ResetGrantCookieScope): void {
  jar.set(RESET_GRANT_COOKIE, "", resetGrantCookieOptions(scope, new Date(0)));
}
