import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

// One axe run as issue 10 asks for it: the WCAG 2.0 and 2.1 A and AA rules, plus the few
// best-practice rules for the structure WCAG 1.3.1 and 2.4.1 are about (one main landmark,
// content inside landmarks, headings in order), which axe does not tag as WCAG.

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const STRUCTURE_RULES = [
  'landmark-one-main',
  'landmark-no-duplicate-main',
  'landmark-main-is-top-level',
  'landmark-banner-is-top-level',
  'landmark-unique',
  'page-has-heading-one',
  'heading-order',
  'empty-heading',
  'empty-table-header',
  'region',
];

export const THEMES = ['light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

// What a colour scheme can change: the rules that read colours. Markup, names and landmarks are
// the same in both schemes, so the second scheme runs these alone (each full run costs seconds).
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/** Every violation as one line: rule, impact, and the first few elements with what to fix. */
export async function axeViolations(page: Page, scope: 'all' | 'colour' = 'all'): Promise<string[]> {
  // A document keeps axe from its first run until the page navigates: later runs on it give
  // AxeBuilder an empty script instead of evaluating its 500 kB again.
  const loaded = await page.evaluate(() => typeof (window as { axe?: unknown }).axe === 'object');
  const builder = new AxeBuilder({ page, axeSource: loaded ? ';' : undefined })
    // One pass in the page: the app has no frames, and the default mode opens a blank page per run.
    .setLegacyMode(true);
  if (scope === 'colour') builder.withRules(COLOUR_RULES);
  else builder.options({ rules: Object.fromEntries(STRUCTURE_RULES.map((rule) => [rule, { enabled: true }])) }).withTags(WCAG_TAGS);
  const results = await builder.analyze();
  return results.violations.map((violation) => {
    const nodes = violation.nodes.slice(0, 4).map((node) => {
      const why = (node.failureSummary ?? '').split('\n').slice(1, 2).join('').trim();
      return `${node.target.join(' ')} — ${why}`;
    });
    const more = violation.nodes.length > 4 ? ` (+${violation.nodes.length - 4} more)` : '';
    return `${violation.id} [${violation.impact}]: ${nodes.join(' | ')}${more}`;
  });
}

/** The page's own colours: what changes when a colour scheme really applies. */
async function pageColours(page: Page): Promise<string> {
  return page.evaluate(() => {
    const style = getComputedStyle(document.body);
    return `${style.backgroundColor} / ${style.color}`;
  });
}

/**
 * Switches the colour scheme and waits until it has applied: the page's colours differ from
 * `before` (when given) and no colour transition is still running (buttons fade between
 * colours, and axe must read the end colour, not one on the way).
 */
async function switchScheme(page: Page, scheme: Theme, before?: string): Promise<string> {
  await page.emulateMedia({ colorScheme: scheme });
  let colours = await pageColours(page);
  for (let waited = 0; waited < 2000; waited += 100) {
    const settled = await page.evaluate(() => document.getAnimations().every((animation) => animation.playState !== 'running'));
    if (settled && colours !== before) break;
    await page.waitForTimeout(100);
    colours = await pageColours(page);
  }
  return colours;
}

/**
 * Runs axe on the page as it is, in the light colour scheme (every rule) and then in the dark
 * one (the colour rules). The dark run first proves the scheme changed the page's colours: if
 * the app had no dark theme, this says so as a failure instead of checking the light one twice.
 */
export async function axeInBothThemes(page: Page): Promise<{ theme: Theme; problems: string[] }[]> {
  const light = await switchScheme(page, 'light');
  const results: { theme: Theme; problems: string[] }[] = [{ theme: 'light', problems: await axeViolations(page) }];
  const dark = await switchScheme(page, 'dark', light);
  results.push({
    theme: 'dark',
    problems: dark === light ? [`no dark theme: the page keeps ${light} under prefers-color-scheme: dark`] : await axeViolations(page, 'colour'),
  });
  return results;
}
