import type { APIRequestContext, APIResponse } from "@playwright/test";

/**
 * Submits a page's form the way a browser without JavaScript does (a multipart POST of its fields plus the hidden
 * inputs React renders for the server action), with field values a real browser could never send.
 */
export async function postForm(
  request: APIRequestContext,
  pageUrl: string,
  fields: Record<string, string>,
): Promise<APIResponse> {
  const page = await (await request.get(pageUrl)).text();
  const form = /<form[^>]*>([\s\S]*?)<\/form>/.exec(page.slice(page.indexOf("<main")))?.[1];
  if (!form) throw new Error(`no form on ${pageUrl}`);
  const hidden: Record<string, string> = {};
  for (const input of form.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?\/?>/g)) {
    hidden[decodeEntities(input[1] ?? "")] = decodeEntities(input[2] ?? "");
  }
  const url = new URL(pageUrl);
  return request.post(pageUrl, { multipart: { ...hidden, ...fields }, headers: { Origin: url.origin }, maxRedirects: 0 });
}

function decodeEntities(value: string): string {
  return value.replaceAll("&quot;", '"').replaceAll("&#x27;", "'").replaceAll("&lt;", "<").replaceAll("&gt;", ">").replaceAll("&amp;", "&");
}
