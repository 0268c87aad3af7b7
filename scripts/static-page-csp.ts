/**
 * After `next build`: the Content-Security-Policy of the prerendered pages. They can't carry a per-request nonce, but
 * their inline scripts and styles are fixed at build, so this hashes every one of them (SHA-256, as CSP asks) into
 * one policy for all prerendered pages, and writes it with their paths and the hashes to .next/static-page-csp.json.
 * server.mjs sends it with those pages (and refuses to start without the file); proxy.ts adds the hashes to its own.
 * Run by scripts/build.mjs (`npm run build`).
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { prerenderedPageContentSecurityPolicy } from "../app/_lib/content-security-policy";
import { DEFAULT_LOCALE, splitLocalePrefix } from "../i18n/locales.mjs";

const manifest = JSON.parse(readFileSync(".next/prerender-manifest.json", "utf8")) as { routes: Record<string, unknown> };
const sha256 = (text: string) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
/** The text inside each inline element (no src attribute), exactly as the browser hashes it. */
const inline = (html: string, tag: "script" | "style") =>
  [...html.matchAll(new RegExp(`<${tag}\\b(?![^>]*\\ssrc=)[^>]*>([\\s\\S]*?)</${tag}>`, "g"))].map((match) => match[1] ?? "").filter(Boolean);

const paths: string[] = [];
const scripts = new Set<string>();
const styles = new Set<string>();
for (const path of Object.keys(manifest.routes).sort()) {
  const file = `.next/server/app${path === "/" ? "/index" : path}.html`;
  if (!existsSync(file)) continue; // a prerendered route handler or a JSON route: not a page
  const html = readFileSync(file, "utf8");
  // The public address: English pages are built under /en and served without the prefix (i18n/locales.mjs).
  const { locale, path: unprefixed } = splitLocalePrefix(path);
  paths.push(locale === DEFAULT_LOCALE ? unprefixed : path);
  for (const script of inline(html, "script")) scripts.add(sha256(script));
  for (const style of inline(html, "style")) styles.add(sha256(style));
}

const hashes = { scripts: [...scripts], styles: [...styles] };
const policy = prerenderedPageContentSecurityPolicy(hashes);
writeFileSync(".next/static-page-csp.json", `${JSON.stringify({ paths, policy, hashes }, null, 2)}\n`);
console.log(`Prerendered pages (${paths.length}, CSP by hash): ${paths.join(", ")}`);
