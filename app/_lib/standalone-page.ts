/**
 * A complete, self-contained HTML page in the store's colours, for answers given outside the React tree: the 413
 * from proxy.ts and the 429 from /too-many-attempts. Every argument is escaped.
 */
export function standalonePage(page: { lang: string; title: string; paragraphs: string[]; links: { href: string; label: string }[] }): string {
  const links = page.links.map((link) => `<a href="${escapeHtml(link.href)}">${escapeHtml(link.label)}</a>`).join(" &middot; ");
  return `<!doctype html>
<html lang="${escapeHtml(page.lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(page.title)}</title>
<style>body{margin:0;background:#f6f4ef;color:#1d2420;font:16px/1.55 -apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,Arial,sans-serif}
main{max-width:28rem;margin:4rem auto;padding:2rem;background:#fff;border:1px solid #e2ddd2;border-radius:8px}
h1{color:#1f3d2b;font-size:1.5rem;margin:0 0 .5rem}a{color:#2f6b4f}</style></head>
<body><main><h1>${escapeHtml(page.title)}</h1>
${page.paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join("\n")}
<p>${links}</p></main></body></html>`;
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
