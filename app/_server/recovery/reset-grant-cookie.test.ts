import { describe, expect, it } from "vitest";
import { useEnvironment } from "@/test/support";
import { resetGrantCookieOptions } from "./reset-grant-cookie";

describe("the reset-grant cookie", () => {
  it("is HttpOnly, SameSite=Strict, scoped to /reset-password, and lives as long as its grant", () => {
    const now = new Date("2026-11-24T10:00:00Z");
    expect(resetGrantCookieOptions(new Date("2026-11-24T10:15:00Z"), now)).toEqual({
      httpOnly: true,
      sameSite: "strict",
      secure: false,
      path: "/reset-password",
      maxAge: 900,
    });
  });

  it("is Secure when the shop runs on https", () => {
    const restore = useEnvironment({ APP_URL: "https://shop.example.com" });
    try {
      expect(resetGrantCookieOptions(new Date(Date.now() + 60_000)).secure).toBe(true);
    } finally {
      restore();
    }
  });
});
