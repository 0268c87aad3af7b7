import { describe, expect, it } from "vitest";
import { safeReturnPath } from "./return-path";

describe("safeReturnPath", () => {
  it.each([
    ["/account", "/account"],
    ["/account?tab=orders", "/account?tab=orders"],
    ["/account#activity", "/account#activity"],
    ["/account/../orders", "/orders"],
    ["https://evil.example/account", "/account"],
    ["//evil.example/account", "/account"],
    ["/\\evil.example", "/account"],
    ["\\\\evil.example", "/account"],
    // Browsers strip tabs and newlines, so these are //evil.example to them (issue 15, finding 6).
    ["/\t/evil.example", "/account"],
    ["/\t\\evil.example", "/account"],
    ["/\n/evil.example", "/account"],
    ["/\r\n", "/account"],
    // A newline Node would refuse in a Location header (finding 5).
    ["/\n", "/account"],
    ["/\u0000", "/account"],
    ["/%09/evil.example", "/%09/evil.example"], // still encoded: a path on this site, not a host
    ["/ /evil.example", "/%20/evil.example"],
    ["account", "/account"],
    ["", "/account"],
    [undefined, "/account"],
    [["/a", "/b"], "/account"],
    [`/${"a".repeat(600)}`, "/account"],
  ])("sends %j to %j", (input, expected) => {
    expect(safeReturnPath(input)).toBe(expected);
  });

  it("never returns something a browser would resolve to another origin", () => {
    const tricks = ["/\t/x.example", "/\\/x.example", "/.//x.example", "/%2F%2Fx.example", "/\u3000/x.example", "/\uff0f\uff0fx.example"];
    for (const trick of tricks) {
      const result = safeReturnPath(trick);
      expect(new URL(result, "https://shop.example").origin, trick).toBe("https://shop.example");
    }
  });
});
