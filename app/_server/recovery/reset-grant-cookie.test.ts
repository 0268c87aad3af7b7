import { describe, expect, it } from "vitest";
import { useEnvironment } from "@/test/support";
import { forgetResetGrantCookie, readResetGrantCookie, resetGrantCookieOptions, setResetGrantCookie } from "./reset-grant-cookie";

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
  it("is HttpOnly, SameSite=Strict, and lives as long as its grant", () => {
    const now = new Date("2026-11-24T10:00:00Z");
    const expiresAt = new Date("2026-11-24T10:15:00Z");
    expect(resetGrantCookieOptions("/reset-password", expiresAt, now)).toEqual({ httpOnly: true, sameSite: "strict", secure: false, path: "/reset-password", maxAge: 900 });
  });

  it("is scoped to the reset pages, one cookie for each language's, or to the API's reset endpoints", () => {
    const pages = jar();
    setResetGrantCookie(pages, "pages", "v1.grant.signature", new Date(Date.now() + 10 * 60_000));
    expect([...pages.cookies].map(([name, { options }]) => [name, options.path])).toEqual([
      ["reset_grant", "/reset-password"],
      ["reset_grant_de", "/de/reset-password"],
      ["reset_grant_fr", "/fr/reset-password"],
    ]);
    const api = jar();
    setResetGrantCookie(api, "api", "v1.grant.signature", new Date(Date.now() + 10 * 60_000));
    expect([...api.cookies].map(([name, { options }]) => [name, options.path])).toEqual([["reset_grant", "/api/v1/password-reset"]]);
  });

  it("is Secure when the shop runs on https", () => {
    const restore = useEnvironment({ APP_URL: "https://shop.example.com" });
    try {
      expect(resetGrantCookieOptions("/reset-password", new Date(Date.now() + 60_000)).secure).toBe(true);
    } finally {
      restore();
    }
  });

  it("is read back as set, under whichever language's path the browser sends it, and forgotten by expiring at once", () => {
    const cookies = jar();
    setResetGrantCookie(cookies, "pages", "v1.grant.signature", new Date(Date.now() + 10 * 60_000));
    expect(readResetGrantCookie(cookies)).toBe("v1.grant.signature");
    // A browser on /fr/reset-password sends only the French one.
    expect(readResetGrantCookie({ get: (name) => (name === "reset_grant_fr" ? { value: "v1.fr" } : undefined) })).toBe("v1.fr");
    forgetResetGrantCookie(cookies, "pages");
    expect(readResetGrantCookie(cookies)).toBeUndefined();
    for (const [, { options }] of cookies.cookies) expect(options.maxAge).toBe(0);
  });
});
