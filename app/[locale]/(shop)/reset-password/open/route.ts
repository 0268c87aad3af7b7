import { type NextRequest, NextResponse } from "next/server";
import { setResetGrantCookie } from "@/app/_server/recovery/reset-grant-cookie";
import { openResetLink } from "@/app/_server/recovery/reset-grant-exchange";
import { asLocale, localePath } from "@/i18n/locales.mjs";

/**
 * The emailed link, /reset-password?token=…&email=… (or /de/reset-password?…), lands here (next.config.ts rewrites
 * it). It checks the link without using it up, moves it into the reset-grant cookie, and sends the browser on to the
 * reset page in the same language with a clean URL, so the token never sits in the address bar, history, bookmarks
 * or a Referer header. A dead link is sent on with only its reason. Opening the link any number of times (mail
 * scanners do) changes nothing.
 */
export async function GET(request: NextRequest, { params }: RouteContext<"/[locale]/reset-password/open">) {
  const page = localePath(asLocale((await params).locale), "/reset-password");
  const query = request.nextUrl.searchParams;
  // A repeated parameter is as broken as a missing one.
  const link = {
    token: query.getAll("token").length === 1 ? query.get("token") : null,
    email: query.getAll("email").length === 1 ? query.get("email") : null,
  };
  const opened = await openResetLink(link);
  const response = new NextResponse(null, {
    status: 303,
    headers: {
      Location: opened.status === "valid" ? page : `${page}?link=${opened.status}`,
      // This response's URL still carries the token: nothing may pass it on, or keep a copy.
      "Referrer-Policy": "no-referrer",
      "Cache-Control": "no-store",
    },
  });
  if (opened.status === "valid") setResetGrantCookie(response.cookies, "pages", opened.grant, opened.grantExpiresAt);
  return response;
}
