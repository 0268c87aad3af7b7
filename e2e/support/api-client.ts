import { randomInt } from "node:crypto";
import { STORE_URL } from "./servers";

/**
 * A headless front end's HTTP client: plain fetch, JSON in and out. Each client presents its own address (the test
 * servers trust one proxy hop), so per-client rate limits never span tests.
 */
export type ApiAnswer = { status: number; headers: Headers; body: unknown; text: string };

export function newClientAddress(): string {
  return `203.0.${randomInt(0, 114)}.${randomInt(1, 255)}`;
}

export async function callApi(
  path: string,
  options: { method?: string; json?: unknown; body?: string; headers?: Record<string, string>; client?: string; base?: string } = {},
): Promise<ApiAnswer> {
  const headers: Record<string, string> = { "X-Forwarded-For": options.client ?? newClientAddress(), ...options.headers };
  let body = options.body;
  if (options.json !== undefined) {
    body = JSON.stringify(options.json);
    headers["Content-Type"] ??= "application/json";
  }
  const response = await fetch(`${options.base ?? STORE_URL}${path}`, { method: options.method ?? "POST", headers, body, redirect: "manual" });
  const text = await response.text();
  let parsed: unknown = undefined;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  return { status: response.status, headers: response.headers, body: parsed, text };
}

/** The reset link's token and email, as a front end reads them from its own URL. */
export function linkParts(link: string): { token: string; email: string } {
  const url = new URL(link);
  return { token: url.searchParams.get("token") ?? "", email: url.searchParams.get("email") ?? "" };
}
