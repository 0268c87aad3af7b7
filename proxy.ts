import { type NextRequest, NextResponse } from "next/server";

/**
 * Refuses oversized form submissions with a clear page instead of the bare 500 Next.js answers when a server-action
 * body exceeds its limit. Every form here is a few short fields; anything larger is refused before it is parsed,
 * so a 1 MB "password" never reaches validation, let alone hashing.
 */
export const FORM_BODY_LIMIT_BYTES = 64 * 1024;

export function proxy(request: NextRequest) {
  if (request.method !== "POST") return NextResponse.next();
  const declaredLength = Number(request.headers.get("content-length") ?? Number.NaN);
  if (Number.isInteger(declaredLength) && declaredLength <= FORM_BODY_LIMIT_BYTES) return NextResponse.next();
  // Browsers always send a Content-Length with a form; a streamed body of unknown size is refused too (411).
  const status = Number.isInteger(declaredLength) ? 413 : 411;
  if (request.headers.has("next-action")) {
    return new NextResponse("The submission was larger than this form accepts.", { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  return new NextResponse(tooLargePage(request.nextUrl.pathname), {
    status,
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" },
  });
}

function tooLargePage(path: string): string {
  const back = path.replace(/[^A-Za-z0-9/_-]/g, "");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>That was too much to send</title>
<style>body{margin:0;background:#f6f4ef;color:#1d2420;font:16px/1.55 -apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,Arial,sans-serif}
main{max-width:28rem;margin:4rem auto;padding:2rem;background:#fff;border:1px solid #e2ddd2;border-radius:8px}
h1{color:#1f3d2b;font-size:1.5rem;margin:0 0 .5rem}a{color:#2f6b4f}</style></head>
<body><main><h1>That was too much to send</h1>
<p>What you entered was longer than this form accepts, so nothing was saved. Passwords can be up to 128 characters.</p>
<p><a href="${back}">Go back and try again</a></p></main></body></html>`;
}

// Only requests that carry a body (they have a Content-Type) reach the proxy; page views never do.
export const config = {
  matcher: [{ source: "/((?!_next/|api/).*)", has: [{ type: "header", key: "content-type" }] }],
};
