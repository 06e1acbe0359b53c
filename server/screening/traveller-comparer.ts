import 'server-only';
import type { CompareTokens } from './name-alignment';
import { TABLED_TRAVELLER_WORDS, type ScreeningIndex } from './screening-index';
import { compareTokens, type TokenComparison } from './token-similarity';

const STAMP_LIMIT = 2 ** 30;

/**
 * Compares a traveller's words with listed words, each distinct pair once per traveller:
 * the same listed words (MUHAMMAD, ALI) recur across the candidates of one traveller.
 */
export function travellerComparer(index: ScreeningIndex): CompareTokens {
  const { scratch } = index;
  if (scratch.comparisonStamp >= STAMP_LIMIT) {
    for (const stamps of scratch.comparedAt) stamps.fill(0);
    scratch.comparisonStamp = 0;
  }
  const stamp = ++scratch.comparisonStamp;
  return (travellerWord, listedWord, travellerIndex) => {
    const word = listedWord.word;
    if (word < 0 || travellerIndex >= TABLED_TRAVELLER_WORDS) return compareTokens(travellerWord, listedWord);
    const stamps = scratch.comparedAt[travellerIndex] as Int32Array;
    const table = scratch.comparisons[travellerIndex] as (TokenComparison | undefined)[];
    if (stamps[word] === stamp) return table[word] as TokenComparison;
    const comparison = compareTokens(travellerWord, listedWord);
    stamps[word] = stamp;
    table[word] = comparison;
    return comparison;
  };
}
