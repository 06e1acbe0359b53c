import 'server-only';
import { normaliseForMatching, transcribeUmlauts } from './normalise-text';
import type { SpecialCategory } from './special-category';
import { TERM_RULES, type TermRule } from './special-category-terms';
import { SSR_CODE_RULES, type SsrCodeRule } from './ssr-codes';
import { isStreetName } from './street-names';

// Turns the rule data into matchers over normalised text (normalise-text.ts), once, at load.

export interface CompiledRule {
  category: SpecialCategory;
  /** The ids of this rule's spellings found in the text: 'ssr:MOML', 'term:halal', 'term:ig metall'. */
  find: (normalisedText: string) => string[];
}

const NORMALISED = /^[a-z0-9]+(?: [a-z0-9]+)*$/;

/**
 * A code stands alone between non-letters. Digits count as a separator because booking systems
 * glue codes to passenger and segment numbers ("3WCHR1-1.1"); "SSR" may be glued in front
 * ("SSRMOML"). A code inside a word ("HOMOMLX") is not a match.
 */
function compileCode(rule: SsrCodeRule): CompiledRule {
  const pattern = new RegExp(`(?<![a-z])(?:ssr|sr)?${rule.code.toLowerCase()}(?![a-z])`);
  const id = `ssr:${rule.code}`;
  return { category: rule.category, find: (text) => (pattern.test(text) ? [id] : []) };
}

/** Each spelling to match (as written, and with umlauts as ae/oe/ue), mapped to its form's id. */
function spellings(forms: readonly string[]): Map<string, string> {
  const ids = new Map<string, string>();
  for (const form of forms) {
    const id = `term:${normaliseForMatching(form)}`;
    for (const spelling of [normaliseForMatching(form), normaliseForMatching(transcribeUmlauts(form))]) {
      if (!NORMALISED.test(spelling)) throw new Error(`Term "${form}" is empty after normalising.`);
      ids.set(spelling, id);
    }
  }
  return ids;
}

/** Whether text[start, end) lies inside one of the phrases, each a whole-word occurrence. */
function insidePhrase(text: string, start: number, end: number, phrases: readonly string[]): boolean {
  return phrases.some((phrase) => {
    for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) {
      const whole = (at === 0 || text[at - 1] === ' ') && (at + phrase.length === text.length || text[at + phrase.length] === ' ');
      if (whole && at <= start && end <= at + phrase.length) return true;
    }
    return false;
  });
}

function compileTerm(rule: TermRule): CompiledRule {
  const ids = spellings(rule.forms);
  // Longest first, so the alternation prefers "trade unionist" to "trade union".
  const alternatives = [...ids.keys()].sort((a, b) => b.length - a.length).join('|');
  // A compound match takes the whole word, so the street check sees "kirchenstrasse".
  const pattern = rule.compound
    ? new RegExp(`[a-z0-9]*?(${alternatives})[a-z0-9]*`, 'g')
    : new RegExp(`(?<![a-z0-9])(${alternatives})(?![a-z0-9])`, 'g');
  const except = (rule.except ?? []).map(normaliseForMatching);
  return {
    category: rule.category,
    find: (text) => {
      const found = new Set<string>();
      for (const match of text.matchAll(pattern)) {
        const start = match.index;
        const end = start + match[0].length;
        if (rule.place && isStreetName(text, start, end)) continue;
        if (insidePhrase(text, start, end, except)) continue;
        const id = ids.get(match[1] ?? '');
        if (id) found.add(id);
      }
      return [...found];
    },
  };
}

export const COMPILED_RULES: readonly CompiledRule[] = [...SSR_CODE_RULES.map(compileCode), ...TERM_RULES.map(compileTerm)];

/**
 * A cheap test every finding passes: one of the rules' codes or spellings occurs somewhere in
 * the text, boundaries aside. Text that fails it cannot match any rule, so the 140-odd rules
 * run only on the rare text that passes (one scan instead of one per rule: about 50× faster
 * on ordinary booking text).
 */
const ANY_SPELLING = new RegExp(
  [...new Set([...SSR_CODE_RULES.map((rule) => rule.code.toLowerCase()), ...TERM_RULES.flatMap((rule) => [...spellings(rule.forms).keys()])])]
    .sort((a, b) => b.length - a.length)
    .map((literal) => literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|'),
);

export function mayMatchAnyRule(normalisedText: string): boolean {
  return ANY_SPELLING.test(normalisedText);
}
