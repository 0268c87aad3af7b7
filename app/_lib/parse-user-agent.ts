import Bowser from "bowser";

/**
 * The browser and system a user agent names ("Chrome", "macOS"; an iPhone's model rather than "iOS"): enough to
 * recognise one's own device in "Where you're signed in" and the activity list. Bowser (a maintained parser) knows
 * the browsers and systems a hand-written list would miss. Either may be missing; the page words the rest.
 */
export function parseUserAgent(userAgent: string): { browser: string | null; system: string | null } {
  if (!userAgent) return { browser: null, system: null };
  const parsed = Bowser.parse(userAgent);
  const system = parsed.os.name === "iOS" && parsed.platform.model ? parsed.platform.model : parsed.os.name;
  return { browser: parsed.browser.name || null, system: system || null };
}
