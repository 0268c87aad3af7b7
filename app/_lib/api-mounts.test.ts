import { compile, match, pathToRegexp } from "path-to-regexp";
import { describe, expect, it } from "vitest";
import { DEFAULT_LOCALE, LOCALES } from "@/i18n/locales.mjs";
import { config as proxyConfig } from "@/proxy";
import { API_MOUNTS, FACADE_ROUTE_PREFIX, facadeRewrites } from "./api-mounts";

/** A few concrete paths each mount must serve: every parameter filled in, under more than one prefix. */
function samplesFor(source: string): string[] {
  const fill = compile(source, { validate: false });
  if (source.includes(":action")) {
    return ["forgot-password", "reset-password"].flatMap((action) =>
      [["api", "v1", "default", "storefront"], ["shop", "eu"]].map((prefix) => fill({ prefix, action })),
    );
  }
  return [fill({ path: ["V1", "customers", "password"] }), fill({ path: ["reset-password"] })];
}

// Next compiles a matcher source with path-to-regexp, as it does rewrite sources.
const [pagesEntry, resetPasswordEntry, localisedResetPasswordEntry, ...bodyEntries] = proxyConfig.matcher;
const proxyMatcher = pathToRegexp(pagesEntry?.source ?? "");
const bodyMatchers = bodyEntries.map((entry) => pathToRegexp(entry.source));

describe("the one list of API paths", () => {
  it("is left out of proxy.ts's matcher, every mount of it", () => {
    for (const { source } of API_MOUNTS) {
      for (const path of samplesFor(source)) {
        expect(proxyMatcher.test(path), `${path} (from ${source})`).toBe(false);
        for (const bodyMatcher of bodyMatchers) expect(bodyMatcher.test(path), `${path} (from ${source}), with a body`).toBe(false);
      }
    }
  });

  // Every language's copy of a page: English unprefixed, the others under their prefix.
  const inEveryLanguage = (path: string) => LOCALES.map((locale) => (locale === DEFAULT_LOCALE ? path : `/${locale}${path === "/" ? "" : path}`));

  it("leaves every page rendered per request to the proxy, and the form posts of the prerendered ones, in every language", () => {
    for (const path of ["/account", "/account/not-me", "/no-such-page"].flatMap(inEveryLanguage).concat("/dev/mailbox")) {
      expect(proxyMatcher.test(path), path).toBe(true);
    }
    // /reset-password through its own entries: the page, but not the emailed link, a bare 303 that needs no policy.
    for (const path of inEveryLanguage("/reset-password")) expect(proxyMatcher.test(path), path).toBe(false);
    expect(resetPasswordEntry?.source).toBe("/reset-password");
    expect(localisedResetPasswordEntry?.source).toBe(`/:locale(${LOCALES.filter((locale) => locale !== DEFAULT_LOCALE).join("|")})/reset-password`);
    for (const entry of [resetPasswordEntry, localisedResetPasswordEntry]) {
      expect(entry?.missing).toEqual(expect.arrayContaining([{ type: "query", key: "token" }, { type: "query", key: "email" }]));
    }
    // Which pages are prerendered is the build's to say; e2e/links-and-headers.http.spec.ts checks the rest. Here: the
    // matcher's literal names every language there is (Next needs a literal, so it can't read LOCALES itself).
    for (const path of ["/", "/login", "/register", "/forgot-password", "/reset-password/code"].flatMap(inEveryLanguage)) {
      expect(proxyMatcher.test(path), path).toBe(false);
    }
    // The 429 page sets its own policy, in every language.
    for (const path of inEveryLanguage("/too-many-attempts")) expect(proxyMatcher.test(path), path).toBe(false);
    // Every request with a body reaches the proxy, prefetch-marked or not (issue 15, finding 5): the language switcher's too.
    expect(bodyEntries.map((entry) => entry.has)).toEqual([[{ type: "header", key: "content-length" }], [{ type: "header", key: "transfer-encoding" }]]);
    for (const entry of bodyEntries) expect(entry.source).toBe(bodyEntries[0]?.source);
    const posted = ["/login", "/register", "/forgot-password", "/reset-password/code", "/reset-password", "/account", "/account/not-me"];
    for (const path of posted.flatMap(inEveryLanguage).concat("/language")) {
      for (const bodyMatcher of bodyMatchers) expect(bodyMatcher.test(path), path).toBe(true);
    }
    for (const entry of bodyEntries) expect(entry).not.toHaveProperty("missing");
  });

  it("rewrites each facade's public paths into the facade route, keeping the path", () => {
    const rewrites = facadeRewrites();
    expect(rewrites).toHaveLength(API_MOUNTS.filter((mount) => mount.surface !== "native").length);
    for (const { source, destination } of rewrites) {
      const facade = destination.split("/")[3];
      for (const path of samplesFor(source)) {
        const matched = match(source, { decode: (value) => value })(path);
        expect(matched, path).not.toBe(false);
        if (!matched) continue;
        expect(compile(destination, { validate: false })(matched.params), path).toBe(`${FACADE_ROUTE_PREFIX}/${facade}${path}`);
      }
    }
  });
});
