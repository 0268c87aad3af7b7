import { render } from "@react-email/render";
import { describe, expect, it } from "vitest";
import PasswordResetEmail from "./password-reset";

const resetUrl = "https://shop.example.com/reset-password?token=AbC_123-xyz&email=alex%40example.com";
const email = <PasswordResetEmail storeName="Juniper Goods" customerName="Alex" email="alex@example.com" resetUrl={resetUrl} expiresIn="30 minutes" />;

describe("password reset email", () => {
  it("has an html part with the store's name, the link, how long it lasts and what to do if you didn't ask", async () => {
    const html = await render(email);
    expect(html).toContain("Juniper Goods");
    expect(html).toContain(`href="${resetUrl.replaceAll("&", "&amp;")}"`);
    expect(html).toContain("30 minutes");
    expect(html).toMatch(/Didn(&#x27;|')t ask for this\?/);
    expect(html).toContain('lang="en"');
  });

  it("has a plain-text part that reads well on its own, with the full link", async () => {
    const text = await render(email, { plainText: true });
    expect(text).not.toMatch(/<[a-z]/i);
    expect(text).toContain(resetUrl);
    expect(text.split(resetUrl)).toHaveLength(2); // the link once, not repeated by the html-only fallback
    expect(text).toContain("Hi Alex,");
    expect(text).toContain("This link lasts 30 minutes and works once.");
    expect(text).toContain("Didn't ask for this?");
  });

  it("renders its preview data without props", async () => {
    const text = await render(<PasswordResetEmail />, { plainText: true });
    expect(text).toContain("Hi Alex,");
    expect(text).toContain("http://localhost:3000/reset-password?token=");
  });
});
