import { type NextRequest, NextResponse } from "next/server";
import { createTranslator } from "next-intl";
import { STANDALONE_PAGE_CSP } from "@/app/_lib/content-security-policy";
import { formatDuration } from "@/app/_lib/format";
import { standalonePage } from "@/app/_lib/standalone-page";
import { TOO_MANY_ATTEMPTS_RETURNS, type TooManyAttemptsReturn } from "@/app/_lib/too-many-attempts";
import { asLocale, localePath } from "@/i18n/locales.mjs";
import { MESSAGES } from "@/messages";

/**
 * Where a form goes when its rate limit is reached (sign-in, completing a reset, entering a code), in the form's
 * language. A page can't set a status or headers, so the server actions redirect here, and this answers 429 with
 * Retry-After and plain words.
 */
const MAX_RETRY_AFTER_SECONDS = 24 * 60 * 60;

export async function GET(request: NextRequest, { params }: RouteContext<"/[locale]/too-many-attempts">) {
  const locale = asLocale((await params).locale);
  const t = createTranslator({ locale, messages: MESSAGES[locale], namespace: "shop.tooManyAttempts" });
  const query = request.nextUrl.searchParams;
  const retryAfter = Math.min(Math.max(Number.parseInt(query.get("retryAfter") ?? "", 10) || 60, 1), MAX_RETRY_AFTER_SECONDS);
  const back = query.get("from");
  const links = [
    ...(isReturn(back) ? [{ href: localePath(locale, back), label: t(`backTo.${TOO_MANY_ATTEMPTS_RETURNS[back]}`) }] : []),
    { href: localePath(locale, "/"), label: t("shop") },
  ];
  const body = standalonePage({
    lang: locale,
    title: t("title"),
    paragraphs: [t("body", { duration: formatDuration(locale, Math.ceil(retryAfter / 60)) }), t("nothingChanged")],
    links,
  });
  return new NextResponse(body, {
    status: 429,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Language": locale,
      "Retry-After": String(retryAfter),
      "Cache-Control": "no-store",
      "Content-Security-Policy": STANDALONE_PAGE_CSP,
    },
  });
}

function isReturn(value: string | null): value is TooManyAttemptsReturn {
  return value !== null && Object.hasOwn(TOO_MANY_ATTEMPTS_RETURNS, value);
}
