import { isDevMailboxEnabled } from "@/app/_server/email/dev-mailbox-access";
import { isEmailPreviewVariant, renderEmailPreview } from "@/app/_server/email/email-previews";
import { isLocale } from "@/i18n/locales.mjs";
import { framedEmailResponse } from "../../../../framed-email";

/** The HTML part of an email preview, for the frame on its preview page. */
export async function GET(_request: Request, context: { params: Promise<{ variant: string; locale: string }> }) {
  if (!(await isDevMailboxEnabled())) return new Response("Not found", { status: 404 });
  const { variant, locale } = await context.params;
  const template = variant.replace("~", "/");
  if (!isEmailPreviewVariant(template) || !isLocale(locale)) return new Response("Not found", { status: 404 });
  return framedEmailResponse((await renderEmailPreview(template, locale)).html);
}
