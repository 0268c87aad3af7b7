import "server-only";
import { getConfig } from "../env";

/** The emailed link. Built only from APP_URL, never from a request's Host or X-Forwarded-Host header. */
export function buildResetUrl(token: string, email: string): string {
  const url = new URL("/reset-password", getConfig().appUrl);
  url.searchParams.set("token", token);
  url.searchParams.set("email", email);
  return url.toString();
}

/** Where a shopper enters the code from the email, on whatever device they are shopping on. */
export function buildResetCodeUrl(): string {
  return new URL("/reset-password/code", getConfig().appUrl).toString();
}
