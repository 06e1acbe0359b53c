import path from 'node:path';
import type { Page } from '@playwright/test';
import { pageJsSizes, type PageJs } from '../scripts/bench/lib/page-js.mts';
import { demoUser, expect, test, userMenuButton, type RoleKey } from './fixtures';

// The build's report of each page's JavaScript (npm run bench:page-js, lib/page-js.mts) reads
// the build's output; this checks it against what a browser does: every page loaded from
// scratch, every script it fetches — while loading, hydrating and until the network has been
// idle — must be among the chunks the report counted for that page: at first load, or as the
// page's deferred code (what its dynamic imports load later, outside the budget: the charts of
// /metrics arrive after the page is shown). A chunk the page's HTML names is first load, so it
// must not be one the report calls deferred. A chunk the report missed, or counted as deferred
// though the page loads it at first, fails here.

const PAGES: PageJs[] = pageJsSizes(path.resolve(__dirname, '..'));

/** The route with its segments filled: [id] a hit's or an escalation's, [travellerId] the hit's traveller. */
function urlOf(route: string, ids: { hit: string; escalation: string; traveller: string }): string {
  const filled: Record<string, string> = { id: route.startsWith('/escalations/') ? ids.escalation : ids.hit, travellerId: ids.traveller };
  return route.replace(/\[(\w+)\]/g, (segment, name: string) => filled[name] ?? segment);
}

/** The scripts the page fetches from a fresh load until the network is idle (and a moment more), and the chunks its HTML names. */
async function scriptsOnLoad(page: Page, url: string): Promise<{ status: number | undefined; finalPath: string; scripts: string[]; inHtml: string[] }> {
  const scripts = new Set<string>();
  const onResponse = (response: { url: () => string; request: () => { resourceType: () => string } }) => {
    const address = new URL(response.url());
    if (response.request().resourceType() === 'script' || address.pathname.endsWith('.js')) scripts.add(address.pathname);
  };
  page.on('response', onResponse);
  try {
    const response = await page.goto(url);
    await page.waitForLoadState('networkidle');
    // Whatever hydration starts (an effect's import(), a chart's next/dynamic) has had its turn.
    await page.waitForTimeout(300);
    await page.waitForLoadState('networkidle');
    // The document as the server sent it (script tags, preloads, the RSC payload's chunk lists).
    const html = (await response?.text().catch(() => '')) ?? '';
    // The legacy polyfills' <script nomodule> a current browser skips (the report leaves them out; were one fetched, the check of fetched scripts fails).
    const noModule = new Set([...html.matchAll(/<script\b[^>]*\bnomodule\b[^>]*>/gi)].flatMap((tag) => /\bsrc="([^"?]+)/.exec(tag[0])?.[1] ?? []));
    const inHtml = [...new Set([...html.matchAll(/\/_next\/static\/chunks\/[\w.~-]+\.js/g)].map((match) => match[0]))].filter((chunk) => !noModule.has(chunk));
    return { status: response?.status(), finalPath: new URL(page.url()).pathname, scripts: [...scripts], inHtml };
  } finally {
    page.off('response', onResponse);
  }
}

// Signed out first (the login page), then as each role in turn.
const ROLE_ORDER: readonly RoleKey[] = ['analyst', 'supervisor', 'privacy', 'admin'];

test('the build report counts every script a page loads at first', async ({ browser, sql }) => {
  test.setTimeout(600_000);
  expect(PAGES.length, 'a production build is there (.next)').toBeGreaterThan(10);
  const [hit] = await sql<{ id: string; travellerId: string }>(`SELECT id, "travellerId" FROM "Hit" ORDER BY "createdAt" LIMIT 1`);
  const [escalation] = await sql<{ id: string }>(`SELECT id FROM "Escalation" ORDER BY "createdAt" LIMIT 1`);
  const ids = { hit: hit?.id ?? 'none', escalation: escalation?.id ?? 'none', traveller: hit?.travellerId ?? 'none' };

  // Each page once, by the first role it answers 200 to; a page no role gets (a package of a
  // pending escalation) counts as checked by the last role's answer, whatever it was.
  const answered = new Map<string, number | undefined>();
  const fetchedDeferred = new Set<string>();
  const redirected = new Set<string>();
  const check = async (page: Page, who: string, last: boolean) => {
    for (const entry of PAGES) {
      if (answered.get(entry.route) === 200) continue;
      const url = urlOf(entry.route, ids);
      const { status, finalPath, scripts, inHtml } = await scriptsOnLoad(page, url);
      // Sent elsewhere (the login page signed in, a page signed out): another page's scripts.
      if (finalPath !== new URL(url, 'http://x').pathname) {
        redirected.add(entry.route);
        continue;
      }
      const firstLoad = new Set(entry.files);
      const deferred = new Set(entry.deferred.files);
      // Every script fetched is first load, or, fetched later, the page's deferred code.
      const missed = scripts.filter((script) => !firstLoad.has(script) && !deferred.has(script));
      expect(missed, `${url} as ${who} (HTTP ${status}): scripts the report did not count`).toEqual([]);
      // What the HTML names loads at first: it is counted in the first load, never as deferred.
      const namedNotFirst = inHtml.filter((script) => !firstLoad.has(script));
      expect(namedNotFirst, `${url} as ${who} (HTTP ${status}): chunks the HTML names that the report did not count at first load`).toEqual([]);
      if (status === 200 && entry.route === '/metrics') {
        // The charts' code is deferred, and arrives once the page is shown.
        const charts = scripts.filter((script) => deferred.has(script));
        expect(charts.length, `${url} as ${who}: the charts' deferred chunks were fetched`).toBeGreaterThan(0);
        fetchedDeferred.add(entry.route);
      }
      if (status === 200 || last) answered.set(entry.route, status);
    }
  };

  const anonymous = await browser.newPage();
  await check(anonymous, 'nobody', false);
  await anonymous.close();
  for (const role of ROLE_ORDER) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const user = demoUser(role);
    await page.goto('/login');
    await page.getByLabel('Email').fill(user.email);
    await page.getByLabel('Password').fill(user.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(userMenuButton(page)).toBeVisible({ timeout: 15_000 });
    // The start page the sign-in led to has loaded all it loads: none of it is counted below.
    await page.waitForLoadState('networkidle');
    await check(page, role, role === ROLE_ORDER.at(-1));
    await context.close();
  }
  // Every page of the build was loaded at least once, but for the ones that send every demo user
  // elsewhere (the start page to the role's own, a forced password change or two-step set-up
  // the seed's users do not owe): their chunks are their layouts', checked on the other pages.
  const unchecked = PAGES.map((entry) => entry.route).filter((route) => !answered.has(route));
  expect(unchecked.filter((route) => !redirected.has(route))).toEqual([]);
  test.info().annotations.push({ type: 'sent elsewhere for every demo user', description: unchecked.join(', ') || 'none' });
  // /metrics was checked with its charts loaded, the deferred code the report lists for it.
  expect([...fetchedDeferred]).toEqual(['/metrics']);
});
