const BASE = "http://return-path.invalid";

/**
 * A same-site path to return to after signing in; anything else falls back. The value is parsed the way a browser
 * would parse it against this origin, and only a result on the same origin is accepted. Browsers drop tabs and
 * newlines from a URL, so `/\t/evil.example` is `//evil.example` to them: a string check on the raw value misses
 * it. Control characters are refused outright (Node won't put them in a `Location` header). What comes back is the
 * parsed path, query and fragment, percent-encoded as the URL parser writes them.
 */
export function safeReturnPath(value: unknown, fallback = "/account"): string {
  if (typeof value !== "string" || value.length > 512 || !value.startsWith("/")) return fallback;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing them is the point
  if (/[\u0000-\u001f\u007f]/.test(value)) return fallback;
  let parsed: URL;
  try {
    parsed = new URL(value, BASE);
  } catch {
    return fallback;
  }
  if (parsed.origin !== BASE) return fallback;
  const path = `${parsed.pathname}${parsed.search}${parsed.hash}`;
  // A path like `/\evil.example` parses to `//evil.example` here only with a special scheme; check the result too.
  return path.startsWith("//") || path.startsWith("/\\") ? fallback : path;
}
