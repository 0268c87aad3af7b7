import "server-only";
import { getConfig } from "../env";
import { languageScopedCookies, readLanguageScopedCookie } from "./language-scoped-cookies";

/**
 * Where a browser keeps its reset grant once the token has left the URL, for the reset pages and for browser front
 * ends of the JSON API alike: HttpOnly (no script reads it), SameSite=Strict (no other site can make the browser
 * send it), Secure when the shop runs on https, and scoped to the only paths that need it: the reset pages (one
 * cookie per language, ./language-scoped-cookies.ts) or the API's reset endpoints.
 */
const RESET_GRANT_COOKIE = "reset_grant";
const SCOPES = {
  pages: languageScopedCookies(RESET_GRANT_COOKIE, "/reset-password"),
  api: [{ name: RESET_GRANT_COOKIE, path: "/api/v1/password-reset" }],
};
export type ResetGrantCookieScope = keyof typeof SCOPES;

type CookieOptions = ReturnType<typeof resetGrantCookieOptions>;
/** What Next's `cookies()`, a NextRequest's and a NextResponse's cookies all offer. */
type CookieReader = { get(name: string): { value: string } | undefined };
type CookieWriter = { set(name: string, value: string, options: CookieOptions): unknown };

export function resetGrantCookieOptions(path: string, expiresAt: Date, now = new Date()) {
  return {
    httpOnly: true,
    sameSite: "strict" as const,
    secure: getConfig().appUrl.startsWith("https:"),
    path,
    maxAge: Math.max(0, Math.floor((expiresAt.getTime() - now.getTime()) / 1000)),
  };
}

/** The grant this request carries, on whichever page or endpoint it is. */
export function readResetGrantCookie(jar: CookieReader): string | undefined {
  return readLanguageScopedCookie(jar, SCOPES.pages);
}

export function setResetGrantCookie(jar: CookieWriter, scope: ResetGrantCookieScope, grant: string, expiresAt: Date): void {
  for (const { name, path } of SCOPES[scope]) jar.set(name, grant, resetGrantCookieOptions(path, expiresAt));
}

/**
 * Once the reset is done, the browser has no use for the grant. A dead one is left to expire on its own
 * (RESET_GRANT_TTL_MINUTES at most), so a reset page re-rendered without JavaScript can still say why it can't be used.
 */
export function forgetResetGrantCookie(jar: CookieWriter, scope: ResetGrantCookieScope): void {
  for (const { name, path } of SCOPES[scope]) jar.set(name, "", resetGrantCookieOptions(path, new Date(0)));
}
