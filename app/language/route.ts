import { type NextRequest, NextResponse } from "next/server";
import { currentSignIn } from "@/app/_server/auth/auth";
import { rememberCustomerLocale } from "@/app/_server/auth/customer-accounts";
import { getConfig } from "@/app/_server/env";
import { isLocale, isShopPagePath, LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE_SECONDS, localePath, splitLocalePrefix } from "@/i18n/locales.mjs";

/**
 * The footer's language switcher (app/_components/language-switcher.tsx) posts here: a plain form, so it works
 * without JavaScript. The choice is kept in a cookie for a year (server.mjs then sends the shopper's unprefixed
 * visits to that language), and on the account when a shopper is signed in, so the emails it gets unasked come in
 * that language too. The shopper goes back to the page they were on, in the new language: the page is read from the
 * Referer, which every page here sends to its own origin, and only if it is one of the shop's pages.
 */
export async function POST(request: NextRequest) {
  const form = await request.formData().catch(() => null);
  const chosen = form?.get("locale");
  const page = pageTheyWereOn(request);
  if (!isLocale(chosen)) return seeOther(page);

  const response = seeOther(localePath(chosen, splitLocalePrefix(page).path));
  response.cookies.set(LOCALE_COOKIE, chosen, {
    path: "/",
    maxAge: LOCALE_COOKIE_MAX_AGE_SECONDS,
    sameSite: "lax",
    httpOnly: true,
    secure: getConfig().appUrl.startsWith("https:"),
  });
  const signedIn = await currentSignIn();
  if (signedIn) await rememberCustomerLocale(signedIn.customerId, chosen);
  return response;
}

/** The shop page (path and query) the switcher was used on, from the same origin's Referer; the home page otherwise. */
function pageTheyWereOn(request: NextRequest): string {
  const referer = request.headers.get("referer");
  if (!referer || !URL.canParse(referer)) return "/";
  const url = new URL(referer);
  if (url.origin !== new URL(getConfig().appUrl).origin && url.host !== request.headers.get("host")) return "/";
  return isShopPagePath(splitLocalePrefix(url.pathname).path) ? `${url.pathname}${url.search}` : "/";
}

function seeOther(location: string): NextResponse {
  return new NextResponse(null, { status: 303, headers: { Location: location, "Cache-Control": "no-store" } });
}
