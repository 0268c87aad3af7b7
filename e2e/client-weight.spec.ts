import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import type { Page, Response } from "@playwright/test";
import { expect, requestResetLink, signIn, startSignUp, test } from "./fixtures";
import { resetLinkIn, signUpLinkIn, waitForEmail } from "./support/inbox";

// Client weight budgets for the account pages, as a browser loads them: sizes, not timings (the same build always
// gives the same figures), of the production build the suite runs against.
// - First load: what the first visit downloads before the shopper does anything (the HTML, every script and
//   stylesheet), gzipped. The forms' own code (React Hook Form above all) loads on the first interaction
//   (app/_components/form-shell.tsx), so it isn't part of this; the form works without it.
// - A page's own JavaScript: everything it loads beyond the chunks every page shares (React, Next's runtime), once
//   the shopper has started on its form, that code included.

const KiB = 1024;
const FIRST_LOAD_BUDGET = 150 * KiB;
const OWN_JS_BUDGET = 16 * KiB;
/**
 * The account page isn't a page for getting in, and has budgets of its own: it holds three forms (password, email,
 * the emailed code) whose code comes with the page, as it renders per request (app/(shop)/account/page.tsx says why).
 */
const ACCOUNT_BUDGETS = { firstLoad: 160 * KiB, ownJs: 20 * KiB, loadsOnInteraction: false };
const AUTH_PAGE_BUDGETS = { firstLoad: FIRST_LOAD_BUDGET, ownJs: OWN_JS_BUDGET, loadsOnInteraction: true };

type RouteStats = { route: string; firstLoadChunkPaths: string[] };
const stats = JSON.parse(readFileSync(".next/diagnostics/route-bundle-stats.json", "utf8")) as RouteStats[];
/** The chunks every route loads: Next's framework and React, which no page can avoid. */
const sharedChunks = new Set(
  stats
    .map((route) => route.firstLoadChunkPaths)
    .reduce((common, paths) => common.filter((path) => paths.includes(path)))
    .map((path) => path.replace(/^\.next\//, "/_next/")),
);

type Asset = { path: string; kind: "document" | "script" | "stylesheet"; gzipped: number; source: string };

/** Everything the page downloads from now on, with each body's gzipped size. */
function recordDownloads(page: Page) {
  const pending: Promise<Asset | null>[] = [];
  page.on("response", (response: Response) => {
    const type = response.request().resourceType();
    if (type !== "document" && type !== "script" && type !== "stylesheet") return;
    pending.push(
      response.body().then(
        (body) => ({
          path: new URL(response.url()).pathname,
          kind: type,
          gzipped: gzipSync(body).length,
          source: type === "script" ? body.toString("utf8") : "",
        }),
        () => null, // a redirect has no body
      ),
    );
  });
  return {
    /** What has arrived so far; each call returns only what arrived since the last. */
    async take(): Promise<Asset[]> {
      const batch = pending.splice(0);
      return (await Promise.all(batch)).filter((asset): asset is Asset => asset !== null);
    },
  };
}

const sum = (assets: Asset[]) => assets.reduce((total, asset) => total + asset.gzipped, 0);

/** Loads the page, measures its first load, then starts on its form and measures the code that brings. */
async function measure(page: Page, open: () => Promise<unknown>) {
  const downloads = recordDownloads(page);
  await open();
  await page.waitForLoadState("networkidle");
  const arrived = await downloads.take();
  // The page itself: the last document (an emailed link's landing route redirects to it).
  const shownPage = arrived.filter((asset) => asset.kind === "document").at(-1);
  const firstVisit = [...(shownPage ? [shownPage] : []), ...arrived.filter((asset) => asset.kind !== "document")];

  const typeable = "input:not([type=hidden]):not([hidden])";
  const form = page.locator("main form").filter({ has: page.locator(typeable) }).first();
  await form.locator(typeable).first().focus();
  await expect(form, "the form's code loads when the shopper starts on it").toHaveAttribute("data-enhanced", "");
  await page.waitForLoadState("networkidle");
  const onInteraction = (await downloads.take()).filter((asset) => asset.kind === "script");

  const scripts = [...firstVisit, ...onInteraction].filter((asset) => asset.kind === "script");
  const own = scripts.filter((asset) => !sharedChunks.has(asset.path));
  return { firstVisit, onInteraction, scripts, own };
}

function expectWithinBudget(name: string, result: Awaited<ReturnType<typeof measure>>, budgets = AUTH_PAGE_BUDGETS) {
  const firstLoad = sum(result.firstVisit);
  const ownBytes = sum(result.own);
  test.info().annotations.push({
    type: "weight",
    description: `${name}: first load ${(firstLoad / KiB).toFixed(2)} KiB, own JavaScript ${(ownBytes / KiB).toFixed(2)} KiB (${(sum(result.onInteraction) / KiB).toFixed(2)} KiB on interaction)`,
  });
  if (budgets.loadsOnInteraction) {
    expect(result.onInteraction.length, `${name}: the form's code arrives on interaction, not with the page`).toBeGreaterThan(0);
  }
  expect(firstLoad, `${name}: HTML, scripts and stylesheets of the first visit, gzipped`).toBeLessThanOrEqual(budgets.firstLoad);
  expect(ownBytes, `${name}: its own JavaScript, gzipped (${result.own.map((asset) => asset.path).join(", ")})`).toBeLessThanOrEqual(budgets.ownJs);
  for (const asset of result.scripts) {
    expect(asset.source, `${asset.path}: the strength estimator loads only when the shopper types`).not.toContain("zxcvbn");
    // zod's classes keep their names through minification; react-hook-form's don't, so its weight is budgeted instead.
    expect(asset.source, `${asset.path}: zod stays on the server`).not.toMatch(/ZodError|\$ZodType/);
  }
}

for (const path of ["/login", "/register", "/register/code", "/forgot-password", "/reset-password/code", "/de/register", "/fr/login"]) {
  test(`${path}: at most 150 KiB on the first visit and 16 KiB of its own JavaScript`, async ({ page }) => {
    expectWithinBudget(path, await measure(page, () => page.goto(path)));
  });
}

test("/reset-password, opened from the email: within the same budgets", async ({ page, shopper }) => {
  await requestResetLink(page, shopper.email);
  const link = resetLinkIn(await waitForEmail(shopper.email));
  const fresh = await page.context().browser()!.newPage();
  try {
    expectWithinBudget("/reset-password", await measure(fresh, () => fresh.goto(link)));
  } finally {
    await fresh.close();
  }
});

test("/register/complete, opened from the email: within the same budgets", async ({ page, newShopper }) => {
  const { email } = newShopper();
  await startSignUp(page, email);
  const link = signUpLinkIn(await waitForEmail(email));
  const fresh = await page.context().browser()!.newPage();
  try {
    expectWithinBudget("/register/complete", await measure(fresh, () => fresh.goto(link)));
  } finally {
    await fresh.close();
  }
});

test("/account: at most 160 KiB on the first visit and 20 KiB of its own JavaScript", async ({ browser, page, shopper }) => {
  await signIn(page, shopper);
  await expect(page).toHaveURL(/\/account$/);
  const signedIn = await browser.newContext({ storageState: await page.context().storageState(), baseURL: test.info().project.use.baseURL });
  try {
    const fresh = await signedIn.newPage();
    expectWithinBudget("/account", await measure(fresh, () => fresh.goto("/account")), ACCOUNT_BUDGETS);
  } finally {
    await signedIn.close();
  }
});
