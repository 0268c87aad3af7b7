/** A same-site path to return to after signing in; anything else (absolute URLs, `//host`) falls back. */
export function safeReturnPath(value: unknown, fallback = "/account"): string {
  if (typeof value !== "string" || value.length > 512) return fallback;
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  return value;
}
