import { type NextRequest, NextResponse } from "next/server";
import { STANDALONE_PAGE_CSP } from "@/app/_lib/content-security-policy";
import { standalonePage } from "@/app/_lib/standalone-page";

/**
 * Where a form goes when its rate limit is reached (sign-in, completing a reset, entering a code). A page can't set
 * a status or headers, so the server actions redirect here, and this answers 429 with Retry-After and plain words.
 */
const RETURN_TO = new Map([
  ["/login", "Back to sign in"],
  ["/reset-password/code", "Back to the code form"],
  ["/account", "Back to your account"],
]);
const MAX_RETRY_AFTER_SECONDS = 24 * 60 * 60;

export function GET(request: NextRequest) {
  const query = request.nextUrl.searchParams;
  const retryAfter = Math.min(Math.max(Number.parseInt(query.get("retryAfter") ?? "", 10) || 60, 1), MAX_RETRY_AFTER_SECONDS);
  const minutes = Math.ceil(retryAfter / 60);
  const back = query.get("from") ?? "";
  const links = [
    ...(RETURN_TO.has(back) ? [{ href: back, label: RETURN_TO.get(back) as string }] : []),
    { href: "/", label: "Go to the shop" },
  ];
  const body = standalonePage({
    title: "Too many attempts",
    paragraphs: [
      `For your security, this has been tried too many times. Please try again in ${minutes === 1 ? "1 minute" : `${minutes} minutes`}.`,
      "Nothing about your account has changed.",
    ],
    links,
  });
  return new NextResponse(body, {
    status: 429,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Retry-After": String(retryAfter),
      "Cache-Control": "no-store",
      "Content-Security-Policy": STANDALONE_PAGE_CSP,
    },
  });
}
