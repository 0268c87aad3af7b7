import { describe, expect, it } from "vitest";
import { useEnvironment } from "@/test/support";
import { forgetResetGrantCookie, RESET_GRANT_COOKIE, readResetGrantCookie, resetGrantCookieOptions, setResetGrantCookie } from "./reset-grant-cookie";

/** A cookie jar with the shape Next's `cookies()` and a NextResponse's cookies share. */
function jar() {
  const cookies = new Map<string, { value: string; options: { maxAge: number; path: string } }>();
  return {
    cookies,
    get: (name: string) => cookies.get(name),
    set: (name: string, value: string, options: { maxAge: number; path: string }) => void cookies.set(name, { value, options }),
  };
}

describe("the reset-grant cookie", () => {
  it("is HttpOnly, SameSite=Strict, scoped to the reset pages or the API's reset endpoints, and lives as long as its grant", () => {
    const now = new Date("2026-11-24T10:00:00Z");
    const expiresAt = new Date("2026-11-24T10:15:00Z");
    expect(resetGrantCookieOptions("pages", expiresAt, now)).toEqual({ httpOnly: true, sameSite: "strict", secure: false, path: "/reset-password", maxAge: 900 });
    expect(resetGrantCookieOptions("api", expiresAt, now).path).toBe("/api/v1/password-reset");
  });

  it("is Secure when the shop runs on https", () => {
    const restore = useEnvironment({ APP_URL: "https://shop.example.com" });
    try {
      expect(resetGrantCookieOptions("pages", new Date(Date.now() + 60_000)).secure).toBe(true);
    } finally {
      restore();
    }
  });

  it("is read back as set, and forgotten by expiring at once", () => {
    const cookies = jar();
    setResetGrantCookie(cookies, "pages", "v1.grant.signature", new Date(Date.now() + 10 * 60_000));
    expect(readResetGrantCookie(cookies)).toBe("v1.grant.signature");
    expect(cookies.cookies.get(RESET_GRANT_COOKIE)?.options.maxAge).toBeGreaterThan(0);
    forgetResetGrantCookie(cookies, "pages");
    expect(readResetGrantCookie(cookies)).toBeUndefined();
    expect(cookies.cookies.get(RESET_GRANT_COOKIE)?.options).toMatchObject({ maxAge: 0, path: "/reset-password" });
  });
});
