import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_LOCALE, LOCALES } from "@/i18n/locales.mjs";
import { MESSAGES } from "./index";

// Every language has every message English has, and nothing else, with the same placeholders; and every file on
// disk is one the catalogue loads, so a namespace can't be added in one language and forgotten in the index.

type Tree = { [key: string]: string | string[] | Tree };

/** Every message as "namespace.key.sub" → text (array items as "key.0", "key.1"…). */
function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const flat = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const at = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") flat.set(at, value);
    else if (Array.isArray(value)) value.forEach((item, index) => flat.set(`${at}.${index}`, item));
    else for (const [nestedKey, text] of flatten(value, at)) flat.set(nestedKey, text);
  }
  return flat;
}

/** The names of the values a message takes ({min}, {count, plural, …}) and of its rich-text tags (<strong>). */
function placeholders(message: string): string[] {
  const values = [...message.matchAll(/\{\s*(\w+)/g)].map((match) => match[1] ?? "");
  const tags = [...message.matchAll(/<(\w+)>/g)].map((match) => `<${match[1] ?? ""}>`);
  return [...new Set([...values, ...tags])].sort();
}

const reference = flatten(MESSAGES[DEFAULT_LOCALE] as unknown as Tree);

describe.each(LOCALES.filter((locale) => locale !== DEFAULT_LOCALE))("the %s catalogue", (locale) => {
  const catalogue = flatten(MESSAGES[locale] as unknown as Tree);

  it("has every English message, and no message English lacks", () => {
    expect([...reference.keys()].filter((key) => !catalogue.has(key)), "missing").toEqual([]);
    expect([...catalogue.keys()].filter((key) => !reference.has(key)), "not in English").toEqual([]);
  });

  it("takes the same values and tags as English in every message", () => {
    const differing = [...reference].filter(([key, english]) => catalogue.has(key) && placeholders(catalogue.get(key) ?? "").join() !== placeholders(english).join());
    expect(differing.map(([key]) => key)).toEqual([]);
  });

  it("is translated, not copied: most messages differ from English", () => {
    const same = [...reference].filter(([key, english]) => catalogue.get(key) === english).length;
    expect(same / reference.size).toBeLessThan(0.2);
  });
});

describe("the catalogue files", () => {
  it("are exactly the namespaces the index loads, in every language", () => {
    const namespaces = Object.keys(MESSAGES[DEFAULT_LOCALE]).sort();
    for (const locale of LOCALES) {
      const files = readdirSync(path.join(import.meta.dirname, locale)).filter((file) => file.endsWith(".json"));
      expect(files.map((file) => file.replace(/\.json$/, "")).sort(), locale).toEqual(namespaces);
      for (const file of files) {
        expect(() => JSON.parse(readFileSync(path.join(import.meta.dirname, locale, file), "utf8")), `${locale}/${file}`).not.toThrow();
      }
    }
  });
});
