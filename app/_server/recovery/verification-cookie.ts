import "server-only";
import { getConfig } from "../env";
import type { VerificationPurpose } from "./email-verification";

/**
 * Where a browser keeps a sign-up's or an email change's grant once the emailed token has left the URL (or the code
 * was right): HttpOnly, Secure when the shop runs on https, scoped to the pages that finish the flow. SameSite=Lax,
 * not Strict, so the cookie set while opening a link from webmail (a navigation another site started) comes along
 * on the redirect to the page; a cross-site POST never carries it, and proxy.ts refuses those anyway.
 */
const COOKIES: Record<VerificationPurpose, { name: string; path: string }> = {
  "sign-up": { name: "sign_up_grant", path: "/register" },
  "email-change": { name: "email_change_grant", path: "/account/email" },
};

type CookieReader = { get(name: string): { value: string } | undefined };
type CookieWriter = {
  set(name: string, value: string, options: { httpOnly: boolean; sameSite: "lax"; secure: boolean; path: string; maxAge: number }): unknown;
};

function options(purpose: VerificationPurpose, expiresAt: Date, now = new Date()) {
  return {
    httpOnly: true,
    sameSite: "lax" as const,
    secure: getConfig().appUrl.startsWith("https:"),
    path: COOKIES[purpose].path,
    maxAge: Math.max(0, Math.floor((expiresAt.getTime() - now.getTime()) / 1000)),
  };
}

export function readVerificationGrantCookie(jar: CookieReader, purpose: VerificationPurpose): string | undefined {
  return jar.get(COOKIES[purpose].name)?.value || undefined;
}

export function setVerificationGrantCookie(jar: CookieWriter, purpose: VerificationPurpose, grant: string, expiresAt: Date): void {
  jar.set(COOKIES[purpose].name, grant, options(purpose, expiresAt));
}

export function forgetVerificationGrantCookie(jar: CookieWriter, purpose: VerificationPurpose): void {
  jar.set(COOKIES[purpose].name, "", options(purpose, new Date(0)));
}
