import { describe, expect, it } from "vitest";
import { asLocale, isShopPagePath, localePath, splitLocalePrefix } from "./locales.mjs";
import { localeFromAcceptLanguage, localeFromCookieHeader, routeLocale, shopPageRewrites } from "./routing.mjs";

describe("a shop path in each language", () => {
  it("keeps English where it always was and puts the others under their prefix, query and all", () => {
    expect(localePath("en", "/forgot-password")).toBe("/forgot-password");
    expect(localePath("de", "/forgot-password")).toBe("/de/forgot-password");
    expect(localePath("fr", "/login?notice=signed-out")).toBe("/fr/login?notice=signed-out");
    expect(localePath("de", "/")).toBe("/de");
  });

  it("reads a path's prefix back, and only ours", () => {
    expect(splitLocalePrefix("/de/login")).toEqual({ locale: "de", path: "/login" });
    expect(splitLocalePrefix("/fr")).toEqual({ locale: "fr", path: "/" });
    expect(splitLocalePrefix("/login")).toEqual({ locale: null, path: "/login" });
    expect(splitLocalePrefix("/es/login")).toEqual({ locale: null, path: "/es/login" });
    expect(splitLocalePrefix("/dev/mailbox")).toEqual({ locale: null, path: "/dev/mailbox" });
    expect(asLocale("xx")).toBe("en");
  });

  it("knows the shop's pages from everything else", () => {
    for (const path of ["/", "/login", "/account/not-me", "/reset-password/code", "/too-many-attempts"]) expect(isShopPagePath(path), path).toBe(true);
    for (const path of ["/api/v1/password-reset/request", "/rest/V1/customers/password", "/dev/mailbox", "/language", "/favicon.svg"]) {
      expect(isShopPagePath(path), path).toBe(false);
    }
  });
});

describe("choosing a language", () => {
  it("matches Accept-Language by preference and region, else English", () => {
    expect(localeFromAcceptLanguage("de-CH,de;q=0.9,en;q=0.8")).toBe("de");
    expect(localeFromAcceptLanguage("fr-FR")).toBe("fr");
    expect(localeFromAcceptLanguage("en-US,de;q=0.5")).toBe("en");
    expect(localeFromAcceptLanguage("de;q=0.1, fr;q=0.5")).toBe("fr");
    expect(localeFromAcceptLanguage("pt-BR")).toBe("en");
    expect(localeFromAcceptLanguage("")).toBe("en");
    expect(localeFromAcceptLanguage(";;;=")).toBe("en");
    expect(localeFromAcceptLanguage(undefined)).toBe("en");
  });

  it("reads the shopper's own choice from its cookie, ignoring anything that isn't one of ours", () => {
    expect(localeFromCookieHeader("a=b; storefront-locale=fr; c=d")).toBe("fr");
    expect(localeFromCookieHeader("storefront-locale=xx")).toBeNull();
    expect(localeFromCookieHeader("other-storefront-locale=de")).toBeNull();
    expect(localeFromCookieHeader(undefined)).toBeNull();
  });
});

describe("what server.mjs does with a request", () => {
  const german = { "accept-language": "de-DE,de;q=0.9" };

  it("sends a German browser from an English page to the German one, keeping the query", () => {
    expect(routeLocale("GET", "/forgot-password", german)).toEqual({ redirect: "/de/forgot-password", locale: null });
    expect(routeLocale("HEAD", "/reset-password?token=t&email=e", german)).toEqual({ redirect: "/de/reset-password?token=t&email=e", locale: null });
    expect(routeLocale("GET", "/", { "accept-language": "fr" })).toEqual({ redirect: "/fr", locale: null });
  });

  it("lets the shopper's choice win over their browser's", () => {
    expect(routeLocale("GET", "/forgot-password", { ...german, cookie: "storefront-locale=en" })).toEqual({ redirect: null, locale: "en" });
    expect(routeLocale("GET", "/forgot-password", { cookie: "storefront-locale=fr" })).toEqual({ redirect: "/fr/forgot-password", locale: null });
  });

  it("never redirects a form post or the client router, and tells the action its page's language", () => {
    expect(routeLocale("POST", "/forgot-password", german)).toEqual({ redirect: null, locale: "en" });
    expect(routeLocale("POST", "/de/forgot-password", {})).toEqual({ redirect: null, locale: "de" });
    expect(routeLocale("GET", "/login", { ...german, rsc: "1" })).toEqual({ redirect: null, locale: "en" });
  });

  it("serves a prefixed page in its language, whatever the browser says, and English at its unprefixed address", () => {
    expect(routeLocale("GET", "/fr/login", german)).toEqual({ redirect: null, locale: "fr" });
    expect(routeLocale("GET", "/de/no-such-page", {})).toEqual({ redirect: null, locale: "de" });
    expect(routeLocale("GET", "/en/login?notice=signed-out", {})).toEqual({ redirect: "/login?notice=signed-out", locale: null });
  });

  it("leaves what isn't a page alone: the APIs choose from Accept-Language themselves", () => {
    for (const target of ["/api/v1/password-reset/request", "/rest/V1/customers/password", "/dev/mailbox", "/_next/static/x.js", "/language"]) {
      expect(routeLocale("GET", target, german), target).toEqual({ redirect: null, locale: null });
    }
  });

  it("has Next serve the unprefixed English pages from app/[locale]", () => {
    expect(shopPageRewrites()).toEqual([
      { source: "/", destination: "/en" },
      { source: "/:section(login|register|forgot-password|reset-password|account|too-many-attempts)/:rest*", destination: "/en/:section/:rest*" },
    ]);
  });
});
