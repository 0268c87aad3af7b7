import { describe, expect, it } from "vitest";
import { formText } from "./form-state";

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
