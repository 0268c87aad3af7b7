import { describe, expect, it } from "vitest";
import { checkedPassword, useEnvironment } from "@/test/support";
import { hashPassword } from "./password-hash";
import { problemDescriber } from "../shopper-language";
import { type PasswordContext, passwordPolicyProblem } from "./password-policy";

const context = { email: "rowan.tree@example.com" };

/** The policy's answer as the shopper reads it (in English), or null. */
async function refusal(password: string, passwordContext: PasswordContext): Promise<string | null> {
  const problem = await passwordPolicyProblem(checkedPassword(password), passwordContext);
  return problem && problemDescriber("en")(problem);
}

describe("the password policy", () => {
  it("accepts a passphrase and has no composition rules", async () => {
    expect(await refusal("harbour lantern juniper", context)).toBeNull();
    expect(await refusal("zqxvbnmlkjhg", context)).toBeNull(); // no digits, no capitals: fine
  });

  it.each(["password", "12345678", "qwertyuiop", "iloveyou", "Password1", "sunshine"])("refuses the common password %j", async (password) => {
    expect(await refusal(password, context)).toBe(
      "That's one of the most common passwords. Choose one that's harder to guess",
    );
  });

  it("refuses a password built from the email address", async () => {
    expect(await refusal("ROWAN.TREE-2026!", context)).toBe("Don't use your email address in your password");
  });

  it("refuses the current password", async () => {
    const currentPasswordHash = await hashPassword("harbour lantern juniper");
    expect(await refusal("harbour lantern juniper", { ...context, currentPasswordHash })).toBe(
      "That's your current password. Choose a new one",
    );
  });

  it("uses the configured minimum length (PASSWORD_MIN_LENGTH)", async () => {
    const restore = useEnvironment({ PASSWORD_MIN_LENGTH: "12" });
    try {
      expect(await refusal("short phrase", context)).toBeNull(); // 12 characters
      expect(await refusal("shorter one", context)).toBe("Use at least 12 characters");
    } finally {
      restore();
    }
  });
});
