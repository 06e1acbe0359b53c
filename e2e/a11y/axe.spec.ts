import type { Browser, BrowserContext, Page } from '@playwright/test';
import { expect, LoginPage, test } from '../fixtures';
import { BASE_URL, clientAddress } from '../attack/harness';
import { ROLE_PERMISSIONS } from '../attack/permission-table';
import { PAGES, type PageEntry } from '../attack/route-manifest';
import { makeWorld, ROLE_KEYS, roleOf, type A11yWorld } from './a11y-world';
import { axeInBothThemes } from './axe-check';
import { APP_STATES, PAGE_STATES, type PageState, type Visitor } from './page-states';

// Issue 10: axe (WCAG 2.0/2.1 A and AA) on every page of the route manifest, for every visitor
// who may open it, in every state of page-states.ts, in the light and the dark colour scheme.
// One signed-in context per visitor, reused across its pages. Zero violations.

/** Pages that only send the visitor elsewhere, with the reason; every other page renders for someone. */
const REDIRECT_ONLY: Readonly<Record<string, string>> = {
  '/': 'sends each role to its start page (the first entry of its navigation), which is checked as itself',
  '/account/two-factor':
    'only for a user whose role requires two-step sign-in (TOTP_REQUIRED_ROLES) without it; the e2e server requires it of no role. Its form, TotpSetup, is checked on /account',
};

/** Pages that render for one kind of visitor only; the others are sent on. */
const ONLY_FOR: Readonly<Record<string, readonly Visitor[]>> = {
  '/account/password': ['new-user'],
};

const VISITORS: readonly Visitor[] = ['anonymous', 'new-user', ...ROLE_KEYS];
const isRole = (visitor: Visitor): visitor is (typeof ROLE_KEYS)[number] => (ROLE_KEYS as readonly string[]).includes(visitor);

function mayOpen(visitor: Visitor, page: PageEntry): boolean {
  if (page.path in REDIRECT_ONLY) return false;
  const only = ONLY_FOR[page.path];
  if (only) return only.includes(visitor);
  const { grant } = page;
  if ('rule' in grant) {
    if (grant.rule === 'public') return visitor === 'anonymous';
    if (grant.rule === 'signed-in') return isRole(visitor);
    // The package's requester (the analyst) and its approver (the supervisor): a11y-world.ts.
    if (grant.rule === 'package-party') return visitor === 'analyst' || visitor === 'supervisor';
    return false;
  }
  return isRole(visitor) && ROLE_PERMISSIONS[roleOf(visitor)].includes(grant.permission);
}

function urlOf(page: PageEntry, visitor: Visitor, world: A11yWorld): string {
  if (!page.object) return page.path;
  const ids: Partial<Record<string, string | undefined>> = {
    hit: isRole(visitor) ? world.hit[visitor] : undefined,
    escalation: world.escalation,
    package: world.package,
    traveller: world.traveller,
  };
  const id = ids[page.object];
  if (!id) throw new Error(`a11y-world.ts makes no ${page.object} for ${visitor} (${page.path})`);
  return page.path.replace(/\[[^\]]+\]/, id);
}

let world: A11yWorld;

test.beforeAll(async ({ browser, playwright }) => {
  // Four sign-ins (argon2id each) and a dozen API calls, on a machine that may be busy.
  test.setTimeout(180_000);
  world = await makeWorld(browser, playwright);
});

async function contextFor(visitor: Visitor, browser: Browser): Promise<BrowserContext> {
  const base = { baseURL: BASE_URL, extraHTTPHeaders: { 'X-Forwarded-For': clientAddress() } };
  if (isRole(visitor)) return browser.newContext({ ...base, storageState: world.sessions[visitor] });
  const context = await browser.newContext(base);
  if (visitor === 'new-user') {
    // Signed in with the initial password, the app lets this user do nothing but choose one.
    const page = await context.newPage();
    const login = new LoginPage(page);
    await login.goto();
    await login.signIn(world.newUser.email, world.newUser.password);
    await page.waitForURL(/\/account\/password$/, { timeout: 20_000 });
    await page.close();
  }
  return context;
}

interface Job {
  label: string;
  url: string;
  act?: PageState['act'];
  /** Must not render: a redirect-only page, visited to prove it still only redirects. */
  redirects?: boolean;
}

/** A redirect-only page still sends the visitor on (from a streamed page, the browser does, after load). */
async function checkRedirects(page: Page, job: Job): Promise<string[]> {
  const asked = new URL(job.url, BASE_URL).pathname;
  // The redirect may supersede the navigation itself (net::ERR_ABORTED): where it ends is what counts.
  await page.goto(job.url).catch(() => undefined);
  const left = await page.waitForURL((url) => url.pathname !== asked, { timeout: 15_000 }).then(
    () => true,
    () => false,
  );
  return left ? [] : [`${job.label}: renders, but is listed as redirect-only`];
}

/** Opens the address, brings the page into the state, runs axe in both themes; answers problems. */
async function check(page: Page, job: Job): Promise<{ checks: number; problems: string[] }> {
  if (job.redirects) return { checks: 0, problems: await checkRedirects(page, job) };
  const asked = new URL(job.url, BASE_URL).pathname;
  try {
    await page.goto(job.url);
    // Hydrated and settled: the states press buttons, and axe must see what a user sees, not
    // the placeholders shown while the page's data stream in.
    await page.waitForLoadState('networkidle');
    const landed = new URL(page.url()).pathname;
    if (landed !== asked) return { checks: 0, problems: [`${job.label}: sent to ${landed} instead of rendering`] };
    await expect(page.getByTestId('loading-skeleton')).toHaveCount(0, { timeout: 15_000 });
    await job.act?.(page);
  } catch (error) {
    return { checks: 0, problems: [`${job.label}: the state was not reached: ${String(error).split('\n')[0]}`] };
  }
  const results = await axeInBothThemes(page);
  return { checks: results.length, problems: results.flatMap(({ theme, problems }) => problems.map((problem) => `${job.label} [${theme}] ${problem}`)) };
}

/** Every page state a visitor is checked in. */
function jobsFor(visitor: Visitor): Job[] {
  const jobs: Job[] = [];
  for (const entry of PAGES.filter((candidate) => mayOpen(visitor, candidate))) {
    const own = urlOf(entry, visitor, world);
    jobs.push({ label: `${entry.path} loaded`, url: own });
    for (const state of (PAGE_STATES[entry.path] ?? []).filter((candidate) => !candidate.only || candidate.only.includes(visitor))) {
      jobs.push({ label: `${entry.path} ${state.name}`, url: state.url?.(own) ?? own, act: state.act });
    }
  }
  if (!isRole(visitor)) return jobs;
  for (const path of Object.keys(REDIRECT_ONLY)) jobs.push({ label: `${path} (redirect-only)`, url: path, redirects: true });
  for (const state of APP_STATES) jobs.push({ label: state.name, url: state.url, act: state.act });
  // A page the role may not open: the 403 page, as the role sees it.
  const refused = PAGES.find((candidate) => !candidate.object && !mayOpen(visitor, candidate) && 'permission' in candidate.grant);
  if (refused) {
    jobs.push({ label: `forbidden: ${refused.path}`, url: refused.path, act: (page) => expect(page.getByRole('heading', { name: /Not allowed/ })).toBeVisible({ timeout: 15_000 }) });
  }
  return jobs;
}

// Two pages of the visitor's context work through its states side by side: axe is CPU-bound in
// the browser, and the machine has two cores.
const LANES = 2;
// A visitor's states normally take well under a minute; on a machine busy with other work they
// can take several. Past this budget no new state starts, and the ones left are reported as
// unchecked (a failure naming them) rather than lost in a timeout.
const BUDGET_MS = 420_000;

for (const visitor of VISITORS) {
  test(`axe: ${visitor} on every page it may open, in every state`, async ({ browser }) => {
    test.setTimeout(BUDGET_MS + 120_000);
    const deadline = Date.now() + BUDGET_MS;
    const context = await contextFor(visitor, browser);
    const jobs = jobsFor(visitor);
    const problems: string[] = [];
    let checks = 0;
    let next = 0;
    await Promise.all(
      Array.from({ length: LANES }, async () => {
        const page = await context.newPage();
        for (let job = jobs[next++]; job; job = jobs[next++]) {
          if (Date.now() > deadline) {
            problems.push(`${job.label}: not checked, out of time`);
            continue;
          }
          const result = await check(page, job);
          checks += result.checks;
          problems.push(...result.problems);
        }
      }),
    );
    await context.close();
    const summary = `${visitor}: ${checks} axe runs (${jobs.length} page states × light and dark)`;
    test.info().annotations.push({ type: 'axe', description: summary });
    // In the run's log too, where CI prints it: the count a note can quote.
    console.log(`axe: ${summary}`);
    expect(checks).toBeGreaterThan(0);
    expect(problems.sort()).toEqual([]);
  });
}

test('every page of the manifest is checked by some visitor, or only redirects for a stated reason', () => {
  const unchecked = PAGES.filter((entry) => !(entry.path in REDIRECT_ONLY) && !VISITORS.some((visitor) => mayOpen(visitor, entry)));
  expect(unchecked.map((entry) => entry.path)).toEqual([]);
  const stale = [...Object.keys(REDIRECT_ONLY), ...Object.keys(ONLY_FOR), ...Object.keys(PAGE_STATES)].filter((path) => !PAGES.some((entry) => entry.path === path));
  expect(stale, 'entries for pages the manifest no longer lists').toEqual([]);
});
