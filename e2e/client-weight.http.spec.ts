import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { expect, test } from "@playwright/test";
import { STORE_URL } from "./support/servers";

// Client weight budgets for the pages shoppers reach when they can't get in. Sizes, not timings: the same build
// always gives the same figures. Read from the production build the suite runs against.

const PAGES = ["/forgot-password", "/reset-password", "/login", "/register"];
const KiB = 1024;
/** JavaScript a page adds beyond the chunks every page shares (React, Next's runtime), gzipped. */
const PAGE_JS_BUDGET = 10 * KiB;
/** Everything the first visit downloads: the HTML, every script and stylesheet, gzipped. */
const FIRST_LOAD_BUDGET = 150 * KiB;

type RouteStats = { route: string; firstLoadChunkPaths: string[] };
const stats = JSON.parse(readFileSync(".next/diagnostics/route-bundle-stats.json", "utf8")) as RouteStats[];
const gzipped = (content: Buffer | string) => gzipSync(content).length;

/** The chunks every route loads: Next's framework and React, which no page can avoid. */
const sharedChunks = new Set(stats.map((route) => route.firstLoadChunkPaths).reduce((common, paths) => common.filter((path) => paths.includes(path))));

for (const page of PAGES) {
  test(`${page}: at most 10 KiB of its own JavaScript and 150 KiB in all, with no validation library or strength estimator`, async () => {
    const route = stats.find((entry) => entry.route === page);
    expect(route, `${page} is in the build's route stats`).toBeTruthy();
    const own = (route as RouteStats).firstLoadChunkPaths.filter((path) => !sharedChunks.has(path));
    const ownBytes = own.reduce((sum, path) => sum + gzipped(readFileSync(path)), 0);
    expect(ownBytes, `${page}'s own JavaScript, gzipped (${own.join(", ")})`).toBeLessThanOrEqual(PAGE_JS_BUDGET);

    for (const path of (route as RouteStats).firstLoadChunkPaths) {
      const source = readFileSync(path, "utf8");
      expect(source, `${path}: the strength estimator loads only when the shopper types`).not.toContain("zxcvbn");
      expect(source, `${path}: no validation library on the client`).not.toMatch(/ZodError|react-hook-form|\$ZodType/);
    }

    // The first visit as a browser makes it: the page, then each script and stylesheet it names. (Next's
    // polyfills are marked noModule, which every browser that runs modules skips.)
    const response = await fetch(`${STORE_URL}${page}`);
    expect(response.status).toBe(200);
    const html = await response.text();
    const assets = [...html.matchAll(/<script[^>]*>|<link[^>]*>/g)]
      .map((match) => match[0])
      .filter((tag) => (tag.startsWith("<script") ? !/\snomodule/i.test(tag) : /rel="stylesheet"/.test(tag)))
      .map((tag) => /\s(?:src|href)="(\/_next\/[^"]+)"/.exec(tag)?.[1])
      .filter((asset): asset is string => asset !== undefined);
    expect(assets.some((asset) => asset.endsWith(".js")), "the page loads scripts").toBe(true);
    let total = gzipped(html);
    for (const asset of new Set(assets)) total += gzipped(Buffer.from(await (await fetch(`${STORE_URL}${asset}`)).arrayBuffer()));
    expect(total, `${page}: HTML, scripts and stylesheets, gzipped`).toBeLessThanOrEqual(FIRST_LOAD_BUDGET);
  });
}
