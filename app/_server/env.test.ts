import { existsSync, mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, differencesFromBuild, parseConfig, parsePageSettings } from "./env";

/** Where a test's generated development secret goes: a new folder each time, never the checkout's own file. */
function tempSecretFile(): string {
  return path.join(mkdtempSync(path.join(tmpdir(), "dev-secret-")), "nested", "dev-auth-secret");
}

const productionEnv = {
  NODE_ENV: "production",
  AUTH_SECRET: "s".repeat(32),
  APP_URL: "https://shop.example.com",
  RESEND_API_KEY: "re_live_key",
  EMAIL_FROM: "Shop <no-reply@shop.example.com>",
};

function problemsWith(env: Record<string, string | undefined>): string {
  try {
    parseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error("expected a ConfigError");
}

describe("configuration", () => {
  it("runs in development with nothing set: SQLite, the dev mailbox, a generated secret, localhost links", () => {
    const config = parseConfig({ NODE_ENV: "development" }, { devAuthSecretFile: tempSecretFile() });
    expect(config.databaseUrl).toBe("file:./prisma/dev.db");
    expect(config.emailTransport).toEqual({ kind: "dev-mailbox" });
    expect(config.devMailboxEnabled).toBe(true);
    expect(config.appUrl).toBe("http://localhost:3000");
    expect(config.authSecret.length).toBeGreaterThanOrEqual(32);
    expect(config.resetTokenTtlMinutes).toBe(30);
  });

  it("keeps the generated development secret in a private file, so restarts and the worker share it", () => {
    const file = tempSecretFile();
    const first = parseConfig({ NODE_ENV: "development" }, { devAuthSecretFile: file }).authSecret;
    expect(parseConfig({ NODE_ENV: "development" }, { devAuthSecretFile: file }).authSecret).toBe(first);
    expect(readFileSync(file, "utf8").trim()).toBe(first);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    // Another checkout (another file) gets its own, and a set AUTH_SECRET wins without touching any file.
    expect(parseConfig({ NODE_ENV: "development" }, { devAuthSecretFile: tempSecretFile() }).authSecret).not.toBe(first);
    const unused = tempSecretFile();
    const secret = "a-secret-set-by-the-developer-0123456789";
    expect(parseConfig({ NODE_ENV: "development", AUTH_SECRET: secret }, { devAuthSecretFile: unused }).authSecret).toBe(secret);
    expect(existsSync(unused)).toBe(false);
  });

  it("accepts a complete production environment", () => {
    const config = parseConfig(productionEnv);
    expect(config).toMatchObject({
      isProduction: true,
      appUrl: "https://shop.example.com",
      emailTransport: { kind: "resend", apiKey: "re_live_key" },
      devMailboxEnabled: false,
    });
  });

  it("names every missing production variable in one message", () => {
    const message = problemsWith({ NODE_ENV: "production" });
    expect(message).toContain("AUTH_SECRET is required in production");
    expect(message).toContain("APP_URL is required in production");
    expect(message).toContain("RESEND_API_KEY is required in production");
  });

  it("lets production keep mail in the dev mailbox only when that is enabled explicitly", () => {
    const { RESEND_API_KEY: _key, ...withoutResend } = productionEnv;
    expect(problemsWith(withoutResend)).toContain("RESEND_API_KEY");
    // DEV_MAILBOX_ENABLED alone would publish every reset link: it needs a second setting that says so.
    expect(problemsWith({ ...withoutResend, DEV_MAILBOX_ENABLED: "true" })).toContain(
      "DEV_MAILBOX_ENABLED=true in production publishes every reset link",
    );
    expect(problemsWith({ ...productionEnv, DEV_MAILBOX_ENABLED: "true" })).toContain("DEV_MAILBOX_PUBLIC_IN_PRODUCTION=true");
    const config = parseConfig({ ...withoutResend, DEV_MAILBOX_ENABLED: "true", DEV_MAILBOX_PUBLIC_IN_PRODUCTION: "true" });
    expect(config.emailTransport).toEqual({ kind: "dev-mailbox" });
    expect(config.devMailboxEnabled).toBe(true);
  });

  it("keeps health details off unless a token of 32+ characters unlocks them", () => {
    expect(parseConfig(productionEnv).healthDetailsToken).toBeNull();
    expect(parseConfig({ ...productionEnv, HEALTH_DETAILS_TOKEN: "t".repeat(32) }).healthDetailsToken).toBe("t".repeat(32));
    expect(problemsWith({ ...productionEnv, HEALTH_DETAILS_TOKEN: "short" })).toContain("HEALTH_DETAILS_TOKEN must be at least 32 characters");
  });

  it.each([
    ["DATABASE_URL", "mysql://localhost/shop", "DATABASE_URL must start with file:"],
    ["AUTH_SECRET", "short", "AUTH_SECRET must be at least 32 characters"],
    ["APP_URL", "shop.example.com", "APP_URL must be the shop's origin"],
    ["APP_URL", "https://shop.example.com/account", "APP_URL must be the shop's origin"],
    ["APP_URL", "javascript:alert(1)", "APP_URL must be the shop's origin"],
    ["EMAIL_FROM", "not an address", "EMAIL_FROM must be an address"],
    ["RESET_TOKEN_TTL_MINUTES", "abc", "RESET_TOKEN_TTL_MINUTES must be a whole number of minutes"],
    ["RESET_TOKEN_TTL_MINUTES", "0", "RESET_TOKEN_TTL_MINUTES must be at least 1"],
    ["RESET_TOKEN_TTL_MINUTES", "2.5", "RESET_TOKEN_TTL_MINUTES must be a whole number of minutes"],
    ["RESET_TOKEN_TTL_MINUTES", "100000", "RESET_TOKEN_TTL_MINUTES must be at most 1440"],
    ["DEV_MAILBOX_ENABLED", "maybe", "DEV_MAILBOX_ENABLED must be true or false"],
    ["RESEND_BASE_URL", "ftp://mail", "RESEND_BASE_URL must be an http(s) URL"],
    ["TRUST_PROXY_HOPS", "-1", "TRUST_PROXY_HOPS must be 0 or more"],
    ["TRUST_PROXY_HOPS", "all", "TRUST_PROXY_HOPS must be a whole number of proxies"],
    ["RATE_LIMIT_SIGN_IN_PER_ADDRESS_AND_EMAIL", "ten", "RATE_LIMIT_SIGN_IN_PER_ADDRESS_AND_EMAIL must be <attempts>/<minutes>"],
    ["RATE_LIMIT_RESET_REQUEST_PER_EMAIL", "0/15", "RATE_LIMIT_RESET_REQUEST_PER_EMAIL needs at least 1 attempt"],
    ["PASSWORD_MIN_LENGTH", "6", "PASSWORD_MIN_LENGTH must be at least 8"],
    ["AUTO_SIGN_IN_AFTER_RESET", "sometimes", "AUTO_SIGN_IN_AFTER_RESET must be true or false"],
  ])("rejects %s=%s with a message naming it", (name, value, expected) => {
    expect(problemsWith({ ...productionEnv, [name]: value })).toContain(expected);
  });

  it("requires EMAIL_FROM whenever mail goes through Resend", () => {
    expect(problemsWith({ NODE_ENV: "development", RESEND_API_KEY: "re_key" })).toContain("EMAIL_FROM is required");
  });

  it("normalises APP_URL to an origin and treats empty variables as unset", () => {
    const config = parseConfig({ ...productionEnv, APP_URL: "https://Shop.Example.com/", RESET_TOKEN_TTL_MINUTES: "", STORE_NAME: " " });
    expect(config.appUrl).toBe("https://shop.example.com");
    expect(config.resetTokenTtlMinutes).toBe(30);
    expect(config.storeName).toBe("Juniper Goods");
  });

  it("has the documented security defaults, each of which can be changed", () => {
    const defaults = parseConfig(productionEnv);
    expect(defaults.trustProxyHops).toBe(0);
    expect(defaults.passwordMinLength).toBe(8);
    expect(defaults.autoSignInAfterReset).toBe(false);
    expect(defaults.rateLimits).toEqual({
      RESET_REQUEST_PER_EMAIL: { points: 10, windowMinutes: 15 },
      RESET_REQUEST_PER_ADDRESS_AND_EMAIL: { points: 3, windowMinutes: 15 },
      RESET_REQUEST_PER_ADDRESS: { points: 20, windowMinutes: 15 },
      RESET_ATTEMPT_PER_ADDRESS: { points: 10, windowMinutes: 15 },
      RESET_ATTEMPT_PER_LINK: { points: 5, windowMinutes: 15 },
      SIGN_IN_PER_ADDRESS_AND_EMAIL: { points: 10, windowMinutes: 15 },
      SIGN_IN_PER_EMAIL: { points: 50, windowMinutes: 60 },
      SIGN_IN_PER_ADDRESS: { points: 50, windowMinutes: 15 },
      SIGN_UP_PER_EMAIL: { points: 5, windowMinutes: 15 },
      SIGN_UP_PER_ADDRESS_AND_EMAIL: { points: 3, windowMinutes: 15 },
      SIGN_UP_PER_ADDRESS: { points: 20, windowMinutes: 15 },
      EMAIL_CHANGE_PER_ACCOUNT: { points: 5, windowMinutes: 60 },
      VERIFICATION_CODE_PER_ADDRESS: { points: 10, windowMinutes: 15 },
    });
    const changed = parseConfig({
      ...productionEnv,
      TRUST_PROXY_HOPS: "2",
      PASSWORD_MIN_LENGTH: "12",
      AUTO_SIGN_IN_AFTER_RESET: "true",
      RATE_LIMIT_RESET_REQUEST_PER_EMAIL: "5/60",
    });
    expect(changed).toMatchObject({ trustProxyHops: 2, passwordMinLength: 12, autoSignInAfterReset: true });
    expect(changed.rateLimits.RESET_REQUEST_PER_EMAIL).toEqual({ points: 5, windowMinutes: 60 });
  });

  it("delivers email from each app process by default, with retries and a send timeout that can be changed", () => {
    expect(parseConfig(productionEnv).outbox).toEqual({ worker: "embedded", maxAttempts: 10, retryBaseMs: 2000, retryMaxMs: 300_000, sendTimeoutMs: 10_000 });
    const changed = parseConfig({
      ...productionEnv,
      OUTBOX_WORKER: "external",
      OUTBOX_MAX_ATTEMPTS: "3",
      OUTBOX_RETRY_BASE_MS: "500",
      OUTBOX_RETRY_MAX_MS: "4000",
      EMAIL_SEND_TIMEOUT_MS: "2000",
    });
    expect(changed.outbox).toEqual({ worker: "external", maxAttempts: 3, retryBaseMs: 500, retryMaxMs: 4000, sendTimeoutMs: 2000 });
    const problems = problemsWith({ ...productionEnv, OUTBOX_WORKER: "sometimes", OUTBOX_MAX_ATTEMPTS: "0", EMAIL_SEND_TIMEOUT_MS: "soon" });
    expect(problems).toContain("OUTBOX_WORKER must be embedded or external");
    expect(problems).toContain("OUTBOX_MAX_ATTEMPTS must be at least 1");
    expect(problems).toContain("EMAIL_SEND_TIMEOUT_MS must be a whole number of milliseconds");
  });

  it("keeps the headless APIs same-origin with only the native API on, unless configured", () => {
    expect(parseConfig(productionEnv).headless).toEqual({
      corsOrigins: [],
      magento: false,
      medusa: false,
      commerceEngine: { enabled: false, pathPrefix: "/api/v1/default/storefront" },
    });
    const changed = parseConfig({
      ...productionEnv,
      CORS_ORIGINS: "https://shop.example.com, http://localhost:4200,https://shop.example.com",
      MAGENTO_API_ENABLED: "true",
      MEDUSA_API_ENABLED: "1",
      COMMERCE_ENGINE_API_ENABLED: "true",
      COMMERCE_ENGINE_PATH_PREFIX: "/api/v1/my-store/storefront",
    });
    expect(changed.headless).toEqual({
      corsOrigins: ["https://shop.example.com", "http://localhost:4200"],
      magento: true,
      medusa: true,
      commerceEngine: { enabled: true, pathPrefix: "/api/v1/my-store/storefront" },
    });
  });

  it("refuses a CORS wildcard (the APIs use credentials) and anything that isn't an exact origin", () => {
    expect(problemsWith({ ...productionEnv, CORS_ORIGINS: "*" })).toContain("CORS_ORIGINS can't be *");
    const malformed = problemsWith({ ...productionEnv, CORS_ORIGINS: "https://ok.example, https://shop.example.com/, ftp://x.example, shop.example.com" });
    expect(malformed).toContain("not: https://shop.example.com/, ftp://x.example, shop.example.com");
    expect(problemsWith({ ...productionEnv, COMMERCE_ENGINE_PATH_PREFIX: "api/v1/" })).toContain("COMMERCE_ENGINE_PATH_PREFIX must be a path");
  });

  it("never echoes a secret's value in its error", () => {
    expect(problemsWith({ ...productionEnv, AUTH_SECRET: "hunter2-secret" })).not.toContain("hunter2-secret");
  });
});

describe("settings the prerendered pages show", () => {
  const productionEnv = {
    NODE_ENV: "production",
    AUTH_SECRET: "x".repeat(40),
    APP_URL: "https://shop.example.com",
    DEV_MAILBOX_ENABLED: "true",
    DEV_MAILBOX_PUBLIC_IN_PRODUCTION: "true",
  };

  it("are read with the configuration's own rules and defaults, an empty value counting as unset", () => {
    expect(parsePageSettings({ STORE_NAME: "", RESET_TOKEN_TTL_MINUTES: "", PASSWORD_MIN_LENGTH: "" })).toEqual({
      storeName: "Juniper Goods",
      resetTokenTtlMinutes: 30,
      passwordMinLength: 8,
    });
    expect(() => parsePageSettings({ PASSWORD_MIN_LENGTH: "4" })).toThrow("PASSWORD_MIN_LENGTH must be at least 8");
  });

  it("must match the build's, or the server says which differ and how to fix it", () => {
    const config = parseConfig({ ...productionEnv, STORE_NAME: "Other Shop", RESET_TOKEN_TTL_MINUTES: "60" });
    expect(differencesFromBuild(config, undefined)).toBeNull();
    expect(differencesFromBuild(config, parsePageSettings({ STORE_NAME: "Other Shop", RESET_TOKEN_TTL_MINUTES: "60" }))).toBeNull();
    const message = differencesFromBuild(config, parsePageSettings({ STORE_NAME: "", RESET_TOKEN_TTL_MINUTES: "60" }));
    expect(message).toContain('storeName: "Other Shop" here, "Juniper Goods" in the build');
    expect(message).toContain("npm run build");
    expect(message).not.toContain("resetTokenTtlMinutes");
  });
});

describe("rotating AUTH_SECRET", () => {
  it("accepts earlier secrets in AUTH_SECRET_PREVIOUS, each 32+ characters", () => {
    const env = { NODE_ENV: "production", AUTH_SECRET: "n".repeat(40), APP_URL: "https://shop.example.com", RESEND_API_KEY: "re_x", EMAIL_FROM: "a@b.example" };
    expect(parseConfig(env).previousAuthSecrets).toEqual([]);
    expect(parseConfig({ ...env, AUTH_SECRET_PREVIOUS: ` ${"o".repeat(32)} , ${"p".repeat(40)}` }).previousAuthSecrets).toEqual(["o".repeat(32), "p".repeat(40)]);
    let message = "";
    try {
      parseConfig({ ...env, AUTH_SECRET_PREVIOUS: "too-short-old-secret" });
    } catch (error) {
      message = String(error);
    }
    expect(message).toContain("AUTH_SECRET_PREVIOUS must be a comma-separated list");
    expect(message).not.toContain("too-short-old-secret");
  });
});
