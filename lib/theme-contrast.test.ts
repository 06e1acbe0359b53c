import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

// The colour tokens of both themes, read from app/globals.css, meet WCAG 2.1's 4.5:1 for
// text on the backgrounds they are used on. axe checks rendered pages; this checks every
// pairing at once, including ones no page happens to show while the tests run.

const css = readFileSync(path.join(import.meta.dirname, '..', 'app', 'globals.css'), 'utf8');

function tokens(block: string): Record<string, string> {
  return Object.fromEntries([...block.matchAll(/--color-([\w-]+):\s*(#[0-9a-f]{6})\b/gi)].map((match) => [match[1]!, match[2]!]));
}

function blockAfter(marker: string): string {
  const start = css.indexOf(marker);
  assert.ok(start >= 0, `globals.css has no ${marker}`);
  return css.slice(start, css.indexOf('}', start));
}

const light = { ...tokens(blockAfter('@theme {')), ...tokens(blockAfter(':root {\n  --color-series')) };
const dark = { ...light, ...tokens(blockAfter('@variant dark {')) };

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((at) => {
    const channel = parseInt(hex.slice(at, at + 2), 16) / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (high! + 0.05) / (low! + 0.05);
}

// [text, background] as the components pair them.
const PAIRS = [
  ...['fg', 'muted', 'primary', 'danger', 'warn', 'ok'].flatMap((text) => [
    [text, 'bg'],
    [text, 'surface'],
  ]),
  ['danger', 'danger-bg'],
  ['primary-fg', 'primary'],
  ['bg', 'danger'],
] as const;

// Chart series are graphics: WCAG 1.4.11 asks 3:1 against the background.
const SERIES = ['primary', 'series-2', 'series-3', 'series-4', 'danger', 'series-6', 'series-7'] as const;

for (const [name, theme] of Object.entries({ light, dark })) {
  test(`${name} theme: every chart series has at least 3:1 on the background`, () => {
    for (const series of SERIES) {
      assert.ok(theme[series], `${name}: --color-${series} is defined`);
      const ratio = contrast(theme[series]!, theme.bg!);
      assert.ok(ratio >= 3, `${name}: --color-${series} on --color-bg is ${ratio.toFixed(2)}:1`);
    }
  });

  test(`${name} theme: every text colour has at least 4.5:1 on its background`, () => {
    assert.notDeepEqual(theme, name === 'dark' ? light : {}, 'the dark theme overrides the light tokens');
    for (const [text, background] of PAIRS) {
      const fore = theme[text];
      const back = theme[background];
      assert.ok(fore && back, `${name}: --color-${text} and --color-${background} are defined`);
      const ratio = contrast(fore, back);
      assert.ok(ratio >= 4.5, `${name}: --color-${text} on --color-${background} is ${ratio.toFixed(2)}:1`);
    }
  });
}
