import { describe, expect, it } from "vitest";
import { formText, safeReturnPath } from "./form-state";

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

describe("formText", () => {
  it("reads a text field and treats a missing field or a file as empty", () => {
    const formData = new FormData();
    formData.set("email", "a@example.com");
    formData.set("upload", new Blob(["x"]), "x.txt");
    expect(formText(formData, "email")).toBe("a@example.com");
    expect(formText(formData, "missing")).toBe("");
    expect(formText(formData, "upload")).toBe("");
  });
});
