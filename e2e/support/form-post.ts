import type { APIRequestContext, APIResponse } from "@playwright/test";

/**
 * Submitting a page's form the way a browser without JavaScript does: a multipart POST of its fields plus the hidden
 * inputs React renders for the server action, here with values a real browser could never send.
 */
export type PageForm = { url: string; hidden: Record<string, string> };

/**
 * Loads the page (following redirects: an emailed link lands on /reset-password) and reads the hidden inputs of
 * its first form, or of the `which`-th: the page's own forms, not the footer's language switcher (which a page
 * rendered per request may stream ahead of its main content).
 */
export async function readForm(request: APIRequestContext, pageUrl: string, which = 0): Promise<PageForm> {
  const landed = await request.get(pageUrl);
  const page = await landed.text();
  const forms = [...page.slice(page.indexOf("<main")).matchAll(/<form([^>]*)>([\s\S]*?)<\/form>/g)].filter(([, attributes]) => !attributes?.includes('action="/language"'));
  const form = forms[which]?.[2];
  if (!form) throw new Error(`no form on ${landed.url()}`);
  const hidden: Record<string, string> = {};
  for (const input of form.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?\/?>/g)) {
    hidden[decodeEntities(input[1] ?? "")] = decodeEntities(input[2] ?? "");
  }
  return { url: landed.url(), hidden };
}

export function submitForm(
  request: APIRequestContext,
  form: PageForm,
  fields: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<APIResponse> {
  return request.post(form.url, {
    multipart: { ...form.hidden, ...fields },
    headers: { Origin: new URL(form.url).origin, ...headers },
    maxRedirects: 0,
  });
}

export async function postForm(
  request: APIRequestContext,
  pageUrl: string,
  fields: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<APIResponse> {
  return submitForm(request, await readForm(request, pageUrl), fields, headers);
}

function decodeEntities(value: string): string {
  return value.replaceAll("&quot;", '"').replaceAll("&#x27;", "'").replaceAll("&lt;", "<").replaceAll("&gt;", ">").replaceAll("&amp;", "&");
}

/** Signs in through the login form as a browser without JavaScript does; whether the store let the shopper in. */
export async function signsIn(
  request: APIRequestContext,
  storeUrl: string,
  email: string,
  password: string,
  headers: Record<string, string> = {},
): Promise<boolean> {
  const response = await postForm(request, `${storeUrl}/login`, { email, password }, headers);
  return response.status() === 303 && response.headers().location === "/account";
}

/** A reset request the store accepted: every well-formed one is sent on (303) to the same prerendered page. */
export const RESET_REQUEST_ACCEPTED = { status: 303, location: "/forgot-password/sent" };

export function resetRequestAnswer(response: APIResponse) {
  return { status: response.status(), location: response.headers().location };
}
