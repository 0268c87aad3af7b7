import "server-only";
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { PAGE_SETTING_VARIABLES } from "@/app/_lib/page-setting-variables";
import { PASSWORD_MIN_LENGTH } from "@/app/_lib/validation";
import { DEFAULT_DATABASE_URL, isPostgresUrl, isSqliteUrl } from "@/prisma/database-url";

/**
 * Configuration is read once from the environment and validated here; nothing else reads process.env for settings.
 * A missing or malformed variable stops start-up (see instrumentation.ts) with a message naming the variable.
 */
/**
 * Rate limits: how many attempts in how long. Each can be overridden with RATE_LIMIT_<NAME>=<points>/<minutes>,
 * e.g. RATE_LIMIT_RESET_REQUEST_PER_EMAIL=3/15.
 */
export const DEFAULT_RATE_LIMITS = {
  /**
   * Reset requests for one email address (known or not), from every client together, counted only once the two
   * client limits below have let a request through. Over it the confirmation still shows; no email is sent.
   */
  RESET_REQUEST_PER_EMAIL: { points: 10, windowMinutes: 15 },
  /** Reset requests for one email address from one client. */
  RESET_REQUEST_PER_ADDRESS_AND_EMAIL: { points: 3, windowMinutes: 15 },
  /** Reset requests from one client (an IPv4 address, or an IPv6 /64), for any addresses. */
  RESET_REQUEST_PER_ADDRESS: { points: 20, windowMinutes: 15 },
  /** Reset completions and code entries from one client address. */
  RESET_ATTEMPT_PER_ADDRESS: { points: 10, windowMinutes: 15 },
  /** Completions with one link, or entries for one code. */
  RESET_ATTEMPT_PER_LINK: { points: 5, windowMinutes: 15 },
  /** Sign-in attempts for one email from one client address. */
  SIGN_IN_PER_ADDRESS_AND_EMAIL: { points: 10, windowMinutes: 15 },
  /**
   * Sign-in attempts for one email from all clients together: caps password spraying at one account. Spent by an
   * attacker, it also keeps the owner from signing in until the window ends; a reset still works.
   */
  SIGN_IN_PER_EMAIL: { points: 50, windowMinutes: 60 },
  /** Sign-in attempts from one client (IPv4 address or IPv6 /64), for any emails: caps stuffing and argon2 floods. */
  SIGN_IN_PER_ADDRESS: { points: 50, windowMinutes: 15 },
  /** Sign-up requests for one email address from all clients together, counted once the client limits allow them. */
  SIGN_UP_PER_EMAIL: { points: 5, windowMinutes: 15 },
  /** Sign-up requests for one email address from one client. */
  SIGN_UP_PER_ADDRESS_AND_EMAIL: { points: 3, windowMinutes: 15 },
  /** Sign-up requests from one client, for any addresses. */
  SIGN_UP_PER_ADDRESS: { points: 20, windowMinutes: 15 },
  /** Requests to change one account's email address (each mails two addresses). */
  EMAIL_CHANGE_PER_ACCOUNT: { points: 5, windowMinutes: 60 },
  /** Sign-up and email-change codes entered from one client. */
  VERIFICATION_CODE_PER_ADDRESS: { points: 10, windowMinutes: 15 },
} as const;

export type RateLimitName = keyof typeof DEFAULT_RATE_LIMITS;
export type RateLimitPolicy = { points: number; windowMinutes: number };

export type AppConfig = {
  isProduction: boolean;
  databaseUrl: string;
  authSecret: string;
  /** Secrets rotated out of AUTH_SECRET, still accepted for what they signed or sealed; nothing new uses them. */
  previousAuthSecrets: string[];
  /** Origin every emailed link is built from, without a trailing slash. Never taken from request headers. */
  appUrl: string;
  storeName: string;
  emailFrom: string;
  /** Where mail goes: Resend when RESEND_API_KEY is set, otherwise the dev mailbox. */
  emailTransport: { kind: "resend"; apiKey: string } | { kind: "dev-mailbox" };
  /**
   * Whether /dev/mailbox is served. On by default in development. In production it publishes every reset link to
   * anyone who finds the page, so it needs DEV_MAILBOX_ENABLED=true and DEV_MAILBOX_PUBLIC_IN_PRODUCTION=true both.
   */
  devMailboxEnabled: boolean;
  /** The bearer token that unlocks GET /api/health's details (outbox backlog, failures); null: details are off. */
  healthDetailsToken: string | null;
  resetTokenTtlMinutes: number;
  /** How many proxies in front of the app append to X-Forwarded-For; 0 when clients connect directly. */
  trustProxyHops: number;
  rateLimits: Record<RateLimitName, RateLimitPolicy>;
  /** The shortest password accepted at register, reset and change (8 at least, per NIST SP 800-63B-4). */
  passwordMinLength: number;
  /** Whether completing a reset signs the shopper in. Off by default: OWASP advises making them sign in. */
  autoSignInAfterReset: boolean;
  outbox: {
    /** "embedded": each app process delivers the outbox itself. "external": only `npm run worker` processes do. */
    worker: "embedded" | "external";
    /** Attempts before a message is marked failed for good. */
    maxAttempts: number;
    /** The first retry waits up to this long, each later one up to twice as long (equal jitter), up to retryMaxMs. */
    retryBaseMs: number;
    /** The longest wait between two attempts. */
    retryMaxMs: number;
    /** A send that takes longer than this counts as failed and is retried (with the same Idempotency-Key). */
    sendTimeoutMs: number;
  };
  /** How long records are kept before the retention sweep deletes them (background/retention-sweep.ts). */
  retention: {
    /** Security events shown in a customer's activity, but failed sign-ins. */
    securityEventDays: number;
    /** Failed sign-ins, which a flood can produce by the thousand. */
    failedSignInDays: number;
    /** Sent and failed outbox rows (their content is already erased). */
    outboxDays: number;
  };
  /** The JSON APIs for headless storefronts (see app/_server/api/). */
  headless: {
    /** Front-end origins a browser may call the APIs from (CORS, with credentials). Empty: same-origin only. */
    corsOrigins: string[];
    /** Compatibility APIs, each off unless enabled. The native /api/v1 is always on. */
    magento: boolean;
    medusa: boolean;
    commerceEngine: { enabled: boolean; pathPrefix: string };
  };
};

export class ConfigError extends Error {
  override name = "ConfigError";
}

// `FOO=` in an .env file means "not set", not "set to the empty string".
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), schema.optional());

const rateLimitSetting = optional(
  z
    .string()
    .regex(/^\d{1,6}\/\d{1,5}$/, { message: "must be <attempts>/<minutes>, such as 3/15" })
    .transform((value): RateLimitPolicy => {
      const [points, windowMinutes] = value.split("/").map(Number) as [number, number];
      return { points, windowMinutes };
    })
    .refine((policy) => policy.points >= 1 && policy.windowMinutes >= 1, {
      message: "needs at least 1 attempt and a window of at least 1 minute",
    }),
);

/** A whole number within bounds; `hints` replace the default messages where a reason helps the operator. */
const wholeNumber = (unit: string, min: number, max: number, hints: { min?: string; max?: string } = {}) =>
  z.coerce
    .number({ error: `must be a whole number of ${unit}` })
    .int({ message: `must be a whole number of ${unit}` })
    .min(min, { message: hints.min ?? `must be at least ${min}` })
    .max(max, { message: hints.max ?? `must be at most ${max}` });

/** An http(s) origin with nothing after it, exactly as a browser sends it in an Origin header. */
function isExactOrigin(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return /^https?:$/.test(url.protocol) && url.origin === value;
}

const corsOriginsSetting = optional(
  z.string().transform((value, ctx) => {
    const origins = value.split(",").map((entry) => entry.trim()).filter(Boolean);
    if (origins.includes("*")) {
      ctx.addIssue({ code: "custom", message: "can't be *: the APIs send credentials (the grant cookie), so list each front end's origin" });
      return z.NEVER;
    }
    const malformed = origins.filter((origin) => !isExactOrigin(origin));
    if (malformed.length > 0) {
      ctx.addIssue({
        code: "custom",
        message: `must be a comma-separated list of origins such as https://shop.example.com (no path or trailing slash); not: ${malformed.join(", ")}`,
      });
      return z.NEVER;
    }
    return [...new Set(origins)];
  }),
);

/** Where Commerce Engine's auth paths are mounted, like its own /api/v1/{store_id}/storefront. */
const pathPrefixSetting = optional(
  z.string().regex(/^(\/[A-Za-z0-9._~-]+)+$/, { message: "must be a path such as /api/v1/my-store/storefront (no trailing slash)" }),
);

const sourceSchema = z.object({
  NODE_ENV: optional(z.enum(["development", "production", "test"])),
  DATABASE_URL: optional(
    z.string().refine((url) => isSqliteUrl(url) || isPostgresUrl(url), {
      message: "must start with file: (SQLite, e.g. file:./prisma/dev.db) or postgres:// (PostgreSQL)",
    }),
  ),
  AUTH_SECRET: optional(
    z.string().min(32, { message: "must be at least 32 characters; generate one with `openssl rand -base64 32`" }),
  ),
  AUTH_SECRET_PREVIOUS: optional(
    z.string().transform((value, ctx) => {
      const secrets = value.split(",").map((entry) => entry.trim()).filter(Boolean);
      if (secrets.some((secret) => secret.length < 32)) {
        ctx.addIssue({ code: "custom", message: "must be a comma-separated list of earlier AUTH_SECRET values, each at least 32 characters" });
        return z.NEVER;
      }
      return secrets;
    }),
  ),
  APP_URL: optional(
    z.string().transform((value, ctx) => {
      let url: URL;
      try {
        url = new URL(value);
      } catch {
        url = new URL("invalid:");
      }
      const isOrigin = /^https?:$/.test(url.protocol) && (url.pathname === "/" || url.pathname === "") && !url.search && !url.hash;
      if (!isOrigin || url.username || url.password) {
        ctx.addIssue({ code: "custom", message: "must be the shop's origin, such as https://shop.example.com (no path)" });
        return z.NEVER;
      }
      return url.origin;
    }),
  ),
  STORE_NAME: optional(z.string().max(60, { message: "must be at most 60 characters" })),
  EMAIL_FROM: optional(
    z.string().regex(/^(?:[^<>]+<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/, {
      message: 'must be an address such as "Shop <no-reply@shop.example.com>" or no-reply@shop.example.com',
    }),
  ),
  RESEND_API_KEY: optional(z.string()),
  RESEND_BASE_URL: optional(z.url({ protocol: /^https?$/, message: "must be an http(s) URL without a trailing slash" })),
  DEV_MAILBOX_ENABLED: optional(z.stringbool({ error: "must be true or false" })),
  DEV_MAILBOX_PUBLIC_IN_PRODUCTION: optional(z.stringbool({ error: "must be true or false" })),
  HEALTH_DETAILS_TOKEN: optional(
    z.string().min(32, { message: "must be at least 32 characters; generate one with `openssl rand -base64 32`" }),
  ),
  RESET_TOKEN_TTL_MINUTES: optional(wholeNumber("minutes", 1, 1440, { max: "must be at most 1440 (24 hours)" })),
  TRUST_PROXY_HOPS: optional(
    wholeNumber("proxies (0 when clients connect directly)", 0, 10, { min: "must be 0 or more" }),
  ),
  PASSWORD_MIN_LENGTH: optional(wholeNumber("characters", 8, 64, { min: "must be at least 8 (NIST SP 800-63B-4)" })),
  AUTO_SIGN_IN_AFTER_RESET: optional(z.stringbool({ error: "must be true or false" })),
  OUTBOX_WORKER: optional(z.enum(["embedded", "external"], { error: "must be embedded or external" })),
  OUTBOX_MAX_ATTEMPTS: optional(wholeNumber("attempts", 1, 50)),
  OUTBOX_RETRY_BASE_MS: optional(wholeNumber("milliseconds", 10, 600_000)),
  OUTBOX_RETRY_MAX_MS: optional(wholeNumber("milliseconds", 10, 3_600_000, { max: "must be at most 3600000 (an hour)" })),
  EMAIL_SEND_TIMEOUT_MS: optional(wholeNumber("milliseconds", 100, 120_000)),
  SECURITY_EVENT_RETENTION_DAYS: optional(wholeNumber("days", 1, 3650)),
  FAILED_SIGN_IN_RETENTION_DAYS: optional(wholeNumber("days", 1, 3650)),
  OUTBOX_RETENTION_DAYS: optional(wholeNumber("days", 1, 3650)),
  RATE_LIMIT_RESET_REQUEST_PER_EMAIL: rateLimitSetting,
  RATE_LIMIT_RESET_REQUEST_PER_ADDRESS: rateLimitSetting,
  RATE_LIMIT_RESET_REQUEST_PER_ADDRESS_AND_EMAIL: rateLimitSetting,
  RATE_LIMIT_RESET_ATTEMPT_PER_ADDRESS: rateLimitSetting,
  RATE_LIMIT_RESET_ATTEMPT_PER_LINK: rateLimitSetting,
  RATE_LIMIT_SIGN_IN_PER_ADDRESS_AND_EMAIL: rateLimitSetting,
  RATE_LIMIT_SIGN_IN_PER_EMAIL: rateLimitSetting,
  RATE_LIMIT_SIGN_IN_PER_ADDRESS: rateLimitSetting,
  RATE_LIMIT_SIGN_UP_PER_EMAIL: rateLimitSetting,
  RATE_LIMIT_SIGN_UP_PER_ADDRESS_AND_EMAIL: rateLimitSetting,
  RATE_LIMIT_SIGN_UP_PER_ADDRESS: rateLimitSetting,
  RATE_LIMIT_EMAIL_CHANGE_PER_ACCOUNT: rateLimitSetting,
  RATE_LIMIT_VERIFICATION_CODE_PER_ADDRESS: rateLimitSetting,
  CORS_ORIGINS: corsOriginsSetting,
  MAGENTO_API_ENABLED: optional(z.stringbool({ error: "must be true or false" })),
  MEDUSA_API_ENABLED: optional(z.stringbool({ error: "must be true or false" })),
  COMMERCE_ENGINE_API_ENABLED: optional(z.stringbool({ error: "must be true or false" })),
  COMMERCE_ENGINE_PATH_PREFIX: pathPrefixSetting,
});

export const DEFAULT_COMMERCE_ENGINE_PATH_PREFIX = "/api/v1/default/storefront";

const DEFAULT_STORE_NAME = "Juniper Goods";
const DEFAULT_RESET_TOKEN_TTL_MINUTES = 30;
const DEV_APP_URL = "http://localhost:3000";

/**
 * Turns an environment into a config or throws one ConfigError listing every problem. Its one side effect: outside
 * production, a missing AUTH_SECRET is read from (or first written to) `devAuthSecretFile`.
 */
export function parseConfig(
  env: Record<string, string | undefined>,
  { devAuthSecretFile = DEV_AUTH_SECRET_FILE }: { devAuthSecretFile?: string } = {},
): AppConfig {
  const parsed = sourceSchema.safeParse(env);
  const problems: string[] = parsed.success
    ? []
    : parsed.error.issues.map((issue) => `${String(issue.path[0])} ${issue.message}`);
  if (!parsed.success) throw configError(problems);
  const source = parsed.data;
  const isProduction = source.NODE_ENV === "production";

  if (isProduction) {
    if (!source.AUTH_SECRET) problems.push("AUTH_SECRET is required in production; generate one with `openssl rand -base64 32`");
    if (!source.APP_URL) problems.push("APP_URL is required in production: the shop's public origin, such as https://shop.example.com");
    if (!source.RESEND_API_KEY && !source.DEV_MAILBOX_ENABLED) {
      problems.push(
        "RESEND_API_KEY is required in production so reset emails reach shoppers (or set DEV_MAILBOX_ENABLED=true to keep mail in /dev/mailbox, for demos only)",
      );
    }
    if (source.DEV_MAILBOX_ENABLED && !source.DEV_MAILBOX_PUBLIC_IN_PRODUCTION) {
      problems.push(
        "DEV_MAILBOX_ENABLED=true in production publishes every reset link at /dev/mailbox to anyone who opens it; for a demo nobody else can reach, also set DEV_MAILBOX_PUBLIC_IN_PRODUCTION=true",
      );
    }
  }
  if (source.RESEND_API_KEY && !source.EMAIL_FROM) {
    problems.push('EMAIL_FROM is required with RESEND_API_KEY: a sender on a domain verified in Resend, such as "Shop <no-reply@shop.example.com>"');
  }
  if (problems.length > 0) throw configError(problems);

  const storeName = source.STORE_NAME ?? DEFAULT_STORE_NAME;
  return {
    isProduction,
    databaseUrl: source.DATABASE_URL ?? DEFAULT_DATABASE_URL,
    authSecret: source.AUTH_SECRET ?? devAuthSecret(devAuthSecretFile),
    previousAuthSecrets: source.AUTH_SECRET_PREVIOUS ?? [],
    appUrl: source.APP_URL ?? DEV_APP_URL,
    storeName,
    emailFrom: source.EMAIL_FROM ?? `${storeName} <no-reply@localhost>`,
    emailTransport: source.RESEND_API_KEY ? { kind: "resend", apiKey: source.RESEND_API_KEY } : { kind: "dev-mailbox" },
    devMailboxEnabled: source.DEV_MAILBOX_ENABLED ?? !isProduction,
    healthDetailsToken: source.HEALTH_DETAILS_TOKEN ?? null,
    resetTokenTtlMinutes: source.RESET_TOKEN_TTL_MINUTES ?? DEFAULT_RESET_TOKEN_TTL_MINUTES,
    trustProxyHops: source.TRUST_PROXY_HOPS ?? 0,
    rateLimits: Object.fromEntries(
      (Object.keys(DEFAULT_RATE_LIMITS) as RateLimitName[]).map((name) => [
        name,
        source[`RATE_LIMIT_${name}`] ?? DEFAULT_RATE_LIMITS[name],
      ]),
    ) as Record<RateLimitName, RateLimitPolicy>,
    passwordMinLength: source.PASSWORD_MIN_LENGTH ?? PASSWORD_MIN_LENGTH,
    autoSignInAfterReset: source.AUTO_SIGN_IN_AFTER_RESET ?? false,
    outbox: {
      worker: source.OUTBOX_WORKER ?? "embedded",
      maxAttempts: source.OUTBOX_MAX_ATTEMPTS ?? 10,
      retryBaseMs: source.OUTBOX_RETRY_BASE_MS ?? 2_000,
      retryMaxMs: source.OUTBOX_RETRY_MAX_MS ?? 5 * 60_000,
      sendTimeoutMs: source.EMAIL_SEND_TIMEOUT_MS ?? 10_000,
    },
    retention: {
      securityEventDays: source.SECURITY_EVENT_RETENTION_DAYS ?? 365,
      failedSignInDays: source.FAILED_SIGN_IN_RETENTION_DAYS ?? 30,
      outboxDays: source.OUTBOX_RETENTION_DAYS ?? 14,
    },
    headless: {
      corsOrigins: source.CORS_ORIGINS ?? [],
      magento: source.MAGENTO_API_ENABLED ?? false,
      medusa: source.MEDUSA_API_ENABLED ?? false,
      commerceEngine: {
        enabled: source.COMMERCE_ENGINE_API_ENABLED ?? false,
        pathPrefix: source.COMMERCE_ENGINE_PATH_PREFIX ?? DEFAULT_COMMERCE_ENGINE_PATH_PREFIX,
      },
    },
  };
}

function configError(problems: string[]): ConfigError {
  return new ConfigError(
    `Invalid configuration. Fix these environment variables (see .env.example):\n${problems.map((p) => `  - ${p}`).join("\n")}`,
  );
}

/**
 * Outside production a missing AUTH_SECRET is generated once and kept in this file (git-ignored), so `npm run dev`
 * works with no setup, and the dev server, its restarts and `npm run worker` all share one secret: sessions survive
 * a restart, and mail queued before it (sealed with a key derived from the secret) can still be sent after it.
 */
export const DEV_AUTH_SECRET_FILE = ".data/dev-auth-secret";

function devAuthSecret(file: string): string {
  const existing = readSecretFile(file);
  if (existing) return existing;
  const secret = randomBytes(32).toString("base64url");
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    // "wx": if another process (the worker, say) wrote one first, keep theirs.
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: "wx" });
    return secret;
  } catch {
    return readSecretFile(file) ?? secret; // a read-only checkout still runs, with a secret for this process only
  }
}

function readSecretFile(file: string): string | undefined {
  try {
    const secret = readFileSync(file, "utf8").trim();
    return secret.length >= 32 ? secret : undefined;
  } catch {
    return undefined;
  }
}

/** What the prerendered pages show of the configuration (app/_lib/page-setting-variables.ts). */
export type PageSettings = Pick<AppConfig, "storeName" | "resetTokenTtlMinutes" | "passwordMinLength">;

const pageSettingsSchema = sourceSchema.pick({ STORE_NAME: true, RESET_TOKEN_TTL_MINUTES: true, PASSWORD_MIN_LENGTH: true });

/** Read from the environment given, with the configuration's own rules and defaults. */
export function parsePageSettings(env: Record<string, string | undefined>): PageSettings {
  const parsed = pageSettingsSchema.safeParse(env);
  if (!parsed.success) throw configError(parsed.error.issues.map((issue) => `${String(issue.path[0])} ${issue.message}`));
  return {
    storeName: parsed.data.STORE_NAME ?? DEFAULT_STORE_NAME,
    resetTokenTtlMinutes: parsed.data.RESET_TOKEN_TTL_MINUTES ?? DEFAULT_RESET_TOKEN_TTL_MINUTES,
    passwordMinLength: parsed.data.PASSWORD_MIN_LENGTH ?? PASSWORD_MIN_LENGTH,
  };
}

/** For a page: from the environment it is rendered in, which for a prerendered one is the build's. */
export function pageSettings(): PageSettings {
  return parsePageSettings(process.env);
}

/**
 * The settings the pages were built with, as next.config.ts recorded them: each `process.env.BUILT_…` below is
 * replaced by its value when Next compiles the server (so they must be spelled out, one per variable in
 * PAGE_SETTING_VARIABLES). Undefined outside a Next build's code: the tests, the scripts.
 */
export function builtPageSettings(): PageSettings | undefined {
  const built = {
    STORE_NAME: process.env.BUILT_STORE_NAME,
    RESET_TOKEN_TTL_MINUTES: process.env.BUILT_RESET_TOKEN_TTL_MINUTES,
    PASSWORD_MIN_LENGTH: process.env.BUILT_PASSWORD_MIN_LENGTH,
  };
  return Object.values(built).every((value) => value === undefined) ? undefined : parsePageSettings(built);
}

/** How the server's settings differ from those the pages were built with, in words for the operator; or null. */
export function differencesFromBuild(config: AppConfig, built: PageSettings | undefined): string | null {
  if (!built) return null;
  const differences = (Object.keys(built) as (keyof PageSettings)[])
    .filter((key) => built[key] !== config[key])
    .map((key) => `  - ${key}: ${JSON.stringify(config[key])} here, ${JSON.stringify(built[key])} in the build`);
  if (differences.length === 0) return null;
  return `The pages were built with other settings (${PAGE_SETTING_VARIABLES.join(", ")}) than this server has:\n${differences.join("\n")}\nRun \`npm run build\` with the settings you deploy, or start with the ones you built with.`;
}

const cache = globalThis as typeof globalThis & { __appConfig?: AppConfig };

/**
 * The validated configuration, parsed on first use. It is read lazily so that `next build` (which loads route
 * modules) does not need production secrets; instrumentation.ts calls it at server start so errors surface then.
 */
export function getConfig(): AppConfig {
  cache.__appConfig ??= parseConfig(process.env);
  return cache.__appConfig;
}

/**
 * For a process's entry point (the app server's instrumentation, the standalone worker): the configuration, or, when
 * it is invalid, the list of problems printed and the process ended with exit code 1 before it does anything.
 */
export function getConfigOrExit(): AppConfig {
  try {
    return getConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`\n${error.message}\n`);
    process.exit(1);
  }
}
