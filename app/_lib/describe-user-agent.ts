import Bowser from "bowser";

/**
 * "Chrome on macOS", "Safari on iPhone": enough to recognise one's own device in "Where you're signed in" and the
 * activity list. Bowser (a maintained parser) knows the browsers and systems a hand-written list would miss.
 */
export function describeUserAgent(userAgent: string): string {
  if (!userAgent) return "Unknown browser";
  const parsed = Bowser.parse(userAgent);
  const browser = parsed.browser.name || "A browser";
  const system = parsed.os.name === "iOS" && parsed.platform.model ? parsed.platform.model : parsed.os.name;
  return system ? `${browser} on ${system}` : browser;
}
