import { describe, expect, it } from "vitest";
import { safeReturnPath } from "./return-path";

describe("safeReturnPath", () => {
  it.each([
    ["/account", "/account"],
    ["/account?tab=orders", "/account?tab=orders"],
    ["https://evil.example/account", "/account"],
    ["//evil.example/account", "/account"],
    ["/\\evil.example", "/account"],
    ["account", "/account"],
    [undefined, "/account"],
    [["/a", "/b"], "/account"],
  ])("sends %j to %j", (input, expected) => {
    expect(safeReturnPath(input)).toBe(expected);
  });
});
