import "server-only";
import pino from "pino";

/**
 * Structured JSON logs on stdout. Call sites never pass tokens, passwords, codes or links; the redaction list is a
 * second line of defence in case a whole object is logged by mistake.
 */
export const log = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
  base: { service: "storefront-account" },
  redact: {
    paths: ["password", "newPassword", "token", "resetUrl", "html", "text", "*.password", "*.newPassword", "*.token", "*.resetUrl", "*.html", "*.text"],
    censor: "[redacted]",
  },
});

/** The loggable part of an unknown error: its class and message, never a request body or a link. */
export function describeError(error: unknown): { name: string; message: string } {
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: "NonError", message: String(error) };
}
