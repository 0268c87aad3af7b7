import "server-only";
import { getConfig } from "../env";
import type { VerificationPurpose } from "./email-verification";
import { languageScopedCookies, readLanguageScopedCookie } from "./language-scoped-cookies";

/**
 * Where a browser keeps a sign-up's or an email change's grant once the emailed token has left the URL (or the code
 * was right): HttpOnly, Secure when the shop runs on https, scoped to the pages that finish the flow (one cookie per
 * language, ./language-scoped-cookies.ts). SameSite=Lax,
 * not Strict, so the cookie set while opening a link from webmail (a navigation another site started) comes along
 * on the redirect to the page; a cross-site POST never carries it, and proxy.ts refuses those anyway.
 */
const COOKIES: Record<VerificationPurpose, { name: string; path: string }[]> = {
  "sign-up": languageScopedCookies("sign_up_grant", "/register"),
  "email-change": languageScopedCookies("email_change_grant", "/account/email"),
};

type CookieReader = { get(name: string): { value: string } | undefined };
type CookieWriter = {
  set(name: string, value: string, options: { httpOnly: boolean; sameSite: "lax"; secure: boolean; path: string; maxAge: number }): unknown;
};

function options(path: string, expiresAt: Date, now = new Date()) {
  return {
    httpOnly: true,
    sameSite: "lax" as const,
    secure: getConfig().appUrl.startsWith("https:"),
    path,
    maxAge: Math.max(0, Math.floor((expiresAt.getTime() - now.getTime()) / 1000)),
  };
}

export function readVerificationGrantCookie(jar: CookieReader, purpose: VerificationPurpose): string | undefined {
  return readLanguageScopedCookie(jar, COOKIES[purpose]);
}

export function setVerificationGrantCookie(jar: CookieWriter, purpose: VerificationPurpose, grant: string, expiresAt: Date): void {
  for (const { name, path } of COOKIES[purpose]) jar.set(name, grant, options(path, expiresAt));
}

export function forgetVerificationGrantCookie(jar: CookieWriter, purpose: VerificationPurpose): void {
  for (const { name, path } of COOKIES[purpose]) jar.set(name, "", options(path, new Date(0)));
}
