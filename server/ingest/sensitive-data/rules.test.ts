import 'server-only';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { COMPILED_RULES } from './compile-rules';
import { FREE_TEXT_FIELDS } from './filter';
import { normaliseForMatching } from './normalise-text';
import { SPECIAL_CATEGORIES } from './special-category';
import { TERM_RULES } from './special-category-terms';
import { ALLOWED_SSR_CODES, SSR_CODE_RULES } from './ssr-codes';

const readme = readFileSync(path.join(import.meta.dirname, 'README.md'), 'utf8');
const schema = readFileSync(path.resolve(process.cwd(), 'prisma/schema.prisma'), 'utf8');

describe('the rule data', () => {
  it('gives every spelling one rule, and every rule a reason', () => {
    const spellings = TERM_RULES.flatMap((rule) => rule.forms.map(normaliseForMatching));
    assert.deepEqual(spellings.filter((spelling, i) => spellings.indexOf(spelling) !== i), []);
    for (const rule of [...SSR_CODE_RULES, ...TERM_RULES, ...ALLOWED_SSR_CODES]) assert.ok(rule.reason.length > 0);
    assert.equal(COMPILED_RULES.length, SSR_CODE_RULES.length + TERM_RULES.length);
  });

  it('has terms in English, German and French for every category', () => {
    for (const category of SPECIAL_CATEGORIES) {
      for (const language of ['en', 'de', 'fr'] as const) {
        assert.ok(
          TERM_RULES.some((rule) => rule.category === category && rule.languages.includes(language)),
          `${category} in ${language}`,
        );
      }
    }
  });

  it('writes codes as four capital letters, each either counted or allowed, never both', () => {
    const counted = SSR_CODE_RULES.map((rule) => rule.code);
    const allowed = ALLOWED_SSR_CODES.map((rule) => rule.code);
    for (const code of [...counted, ...allowed]) assert.match(code, /^[A-Z]{4}$/);
    assert.deepEqual(counted.filter((code) => allowed.includes(code)), []);
    assert.equal(new Set(counted).size, counted.length);
  });

  it('documents every code and every term rule in README.md', () => {
    for (const code of [...SSR_CODE_RULES, ...ALLOWED_SSR_CODES].map((rule) => rule.code)) assert.ok(readme.includes(code), code);
    for (const rule of TERM_RULES) assert.ok(readme.includes(rule.forms.join(', ')), rule.forms.join(', '));
  });

  it('scans only nullable text columns of Traveller', () => {
    const model = /model Traveller \{([\s\S]*?)\n\}/.exec(schema)?.[1] ?? '';
    for (const field of FREE_TEXT_FIELDS) assert.match(model, new RegExp(`\\n\\s+${field}\\s+String\\?`), field);
  });
});
