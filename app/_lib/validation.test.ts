import { describe, expect, it } from "vitest";
import {
  firstErrorPerField,
  forgotPasswordSchema,
  loginSchema,
  newPasswordPairSchema,
  registerSchema,
  resetLinkSchema,
} from "./validation";
import { problemDescriber } from "@/app/_server/shopper-language";

function errorsOf(result: { success: boolean; error?: unknown }) {
  if (result.success) return {};
  return firstErrorPerField(result.error as Parameters<typeof firstErrorPerField>[0], problemDescriber("en"));
}

describe("email", () => {
  it("is trimmed and lowercased, so the same address always finds the same account", () => {
    expect(forgotPasswordSchema.parse({ email: "  Alex.Doe@Example.COM \n" })).toEqual({ email: "alex.doe@example.com" });
  });

  it.each([
    ["empty", "", "Enter your email address"],
    ["blank", "   ", "Enter your email address"],
    ["no @", "alex", "Enter an email address like name@example.com"],
    ["no domain", "alex@", "Enter an email address like name@example.com"],
    ["no top-level domain", "alex@example", "Enter an email address like name@example.com"],
    ["unicode", "álex@exämple.com", "Enter an email address like name@example.com"],
    ["255 characters", `${"a".repeat(243)}@example.com`, "Email addresses are at most 254 characters"],
    ["1 MB", `${"a".repeat(1_000_000)}@example.com`, "Email addresses are at most 254 characters"],
  ])("refuses an address that is %s, with a clear message", (_case, email, message) => {
    expect(errorsOf(forgotPasswordSchema.safeParse({ email }))).toEqual({ email: message });
  });

  it("refuses a missing or non-text value", () => {
    expect(errorsOf(forgotPasswordSchema.safeParse({}))).toEqual({ email: "Enter your email address" });
    expect(errorsOf(forgotPasswordSchema.safeParse({ email: ["a@example.com"] }))).toEqual({ email: "Enter your email address" });
  });
});

describe("new password", () => {
  const pair = (password: string, confirmPassword = password) => newPasswordPairSchema.safeParse({ password, confirmPassword });

  it("needs at least 8 and at most 128 characters, and nothing else", () => {
    expect(errorsOf(pair("1234567"))).toEqual({ password: "Use at least 8 characters" });
    expect(pair("12345678").success).toBe(true);
    expect(pair("aaaaaaaa").success).toBe(true); // no composition rules
    expect(pair("x".repeat(128)).success).toBe(true);
    expect(errorsOf(pair("x".repeat(129)))).toEqual({ password: "Passwords are at most 128 characters" });
  });

  it("counts characters as a shopper would: an emoji or an accented letter is one", () => {
    expect(pair("🔒🔒🔒🔒🔒🔒🔒🔒").success).toBe(true);
    expect(errorsOf(pair("🔒🔒🔒🔒🔒🔒🔒"))).toEqual({ password: "Use at least 8 characters" });
    expect(pair("🔒".repeat(128)).success).toBe(true);
  });

  it("refuses a 1 MB password outright, before any hashing could happen", () => {
    const huge = "p".repeat(1024 * 1024);
    expect(errorsOf(pair(huge, "something else"))).toEqual({ password: "Passwords are at most 128 characters" });
  });

  it("normalises to NFKC, so the same password typed on another keyboard matches", () => {
    const result = pair("ｐａｓｓｗｏｒｄ１２", "password12");
    expect(result.success && result.data.password).toBe("password12");
  });

  it("keeps spaces, which are part of many passphrases", () => {
    const result = pair("  spaced out  ");
    expect(result.success && result.data.password).toBe("  spaced out  ");
  });

  it("must be confirmed with the same password", () => {
    expect(errorsOf(pair("long enough pass", "long enough pasS"))).toEqual({ confirmPassword: "The passwords don't match" });
    expect(errorsOf(pair("long enough pass", ""))).toEqual({ confirmPassword: "Confirm your new password" });
  });
});

describe("registration", () => {
  it("needs a name, without control characters, of at most 100 characters", () => {
    const base = { email: "a@example.com", password: "long enough" };
    expect(errorsOf(registerSchema.safeParse({ ...base, name: "  " }))).toEqual({ name: "Enter your name" });
    expect(errorsOf(registerSchema.safeParse({ ...base, name: "Zoë\u0000" }))).toEqual({ name: "Names can't contain control characters" });
    expect(errorsOf(registerSchema.safeParse({ ...base, name: "n".repeat(101) }))).toEqual({ name: "Names are at most 100 characters" });
    expect(registerSchema.parse({ ...base, name: "  Zoë Ŝmith-Ōta  " }).name).toBe("Zoë Ŝmith-Ōta");
  });
});

describe("sign-in", () => {
  it("only checks the password's shape, so no work is spent on input that can't match", () => {
    expect(errorsOf(loginSchema.safeParse({ email: "a@example.com", password: "" }))).toEqual({ password: "Enter your password" });
    expect(loginSchema.safeParse({ email: "a@example.com", password: "short" }).success).toBe(true);
    expect(errorsOf(loginSchema.safeParse({ email: "a@example.com", password: "p".repeat(1024 * 1024) }))).toEqual({
      password: "Passwords are at most 128 characters",
    });
  });
});

describe("reset link", () => {
  it("accepts exactly 43 base64url characters as a token", () => {
    expect(resetLinkSchema.safeParse({ token: "A".repeat(43), email: "a@example.com" }).success).toBe(true);
    expect(resetLinkSchema.safeParse({ token: "A".repeat(42), email: "a@example.com" }).success).toBe(false);
    expect(resetLinkSchema.safeParse({ token: `${"A".repeat(42)}+`, email: "a@example.com" }).success).toBe(false);
  });
});
