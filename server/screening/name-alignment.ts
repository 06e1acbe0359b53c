import 'server-only';
import type { NameToken } from './name-token';
import { compareTokens, type TokenComparison, type TokenMethod } from './token-similarity';

export interface TokenPair {
  /** Index into the first name's tokens. */
  first: number;
  /** Index into the second name's tokens. */
  second: number;
  similarity: number;
  method: TokenMethod;
}

export interface NameAlignment {
  pairs: TokenPair[];
  /** Token-set similarity of the two names in [0, 1]. */
  similarity: number;
}

export type CompareTokens = (first: NameToken, second: NameToken, firstIndex: number) => TokenComparison;

const compareDirectly: CompareTokens = (a, b) => compareTokens(a, b);

// A word one name has and the other lacks (a middle name, a second family name) costs a
// little, a forebear's name (lineage.ts) less, and a long chain of them not much more than
// two; a word that pairs with a different word costs a whole word. With one word in
// common only, a lacking word costs more: one shared word is weak evidence.
const MISSING_WORD_COST = 0.15;
const MISSING_FOREBEAR_COST = 0.05;
const MISSING_WORD_COST_ONE_IN_COMMON = 0.3;
const MISSING_COST_CAP = 2 * MISSING_WORD_COST;

// Reused between calls: screening aligns a traveller with every candidate name, and
// allocating per alignment is what would cost most. Calls run synchronously to their end.
let similarities = new Float64Array(64);
let usedFirst = new Uint8Array(8);
let usedSecond = new Uint8Array(8);
let chosenFirst = new Int32Array(8);
let chosenSecond = new Int32Array(8);

function reserve(n: number, m: number): void {
  if (n * m > similarities.length) similarities = new Float64Array(n * m * 2);
  if (n > usedFirst.length || m > usedSecond.length) {
    const size = Math.max(n, m) * 2;
    usedFirst = new Uint8Array(size);
    usedSecond = new Uint8Array(size);
    chosenFirst = new Int32Array(size);
    chosenSecond = new Int32Array(size);
  }
}

// Ties are broken by the words themselves, never by position, so that swapping the
// arguments picks the same pairs: the pair whose words, each pair sorted, come first.
function pairComesFirst(a1: string, b1: string, a2: string, b2: string): boolean {
  const low1 = a1 < b1 ? a1 : b1;
  const high1 = a1 < b1 ? b1 : a1;
  const low2 = a2 < b2 ? a2 : b2;
  const high2 = a2 < b2 ? b2 : a2;
  return low1 < low2 || (low1 === low2 && high1 < high2);
}

/** Words by position: `texts[from + i]` is word i, `lineage[from + i]` 1 when it names a forebear. */
export interface WordList {
  texts: readonly string[];
  lineage: ArrayLike<number>;
  from: number;
}

export const wordListOf = (tokens: readonly NameToken[]): WordList => ({
  texts: tokens.map((token) => token.text),
  lineage: tokens.map((token) => (token.lineage ? 1 : 0)),
  from: 0,
});

/**
 * Greedy best-first pairing over the similarities already in `similarities` (n × m), into
 * chosenFirst/chosenSecond; returns the sum of the pairs' similarities.
 */
function pairFilled(n: number, m: number, first: WordList, second: WordList): number {
  const text1 = (i: number) => first.texts[first.from + i] as string;
  const text2 = (j: number) => second.texts[second.from + j] as string;
  usedFirst.fill(0, 0, n);
  usedSecond.fill(0, 0, m);
  const wanted = Math.min(n, m);
  let sum = 0;
  for (let p = 0; p < wanted; p++) {
    let bestI = -1;
    let bestJ = -1;
    let best = -1;
    for (let i = 0; i < n; i++) {
      if (usedFirst[i]) continue;
      for (let j = 0; j < m; j++) {
        if (usedSecond[j]) continue;
        const value = similarities[i * m + j] as number;
        // Unrelated pairs (similarity 0) add nothing whichever is taken: no tie to break.
        const better = value > best || (value === best && value > 0 && pairComesFirst(text1(i), text2(j), text1(bestI), text2(bestJ)));
        if (better) {
          best = value;
          bestI = i;
          bestJ = j;
        }
      }
    }
    usedFirst[bestI] = 1;
    usedSecond[bestJ] = 1;
    chosenFirst[p] = bestI;
    chosenSecond[p] = bestJ;
    sum += best;
  }
  return sum;
}

/** Fills the matrix through `compare` and pairs; returns the similarity. */
function pairWords(first: readonly NameToken[], second: readonly NameToken[], compare: CompareTokens): number {
  const n = first.length;
  const m = second.length;
  reserve(n, m);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) similarities[i * m + j] = compare(first[i] as NameToken, second[j] as NameToken, i).similarity;
  }
  return similarityOfMatrix(n, m, wordListOf(first), wordListOf(second));
}

/** The scratch matrix for n × m word similarities, to fill row by row (first name's word i at i × m + j). */
export function similarityMatrix(n: number, m: number): Float64Array {
  reserve(n, m);
  return similarities;
}

/** The words left unpaired by the last pairing, at what they cost. */
function missingCost(n: number, m: number, first: WordList, second: WordList): number {
  if (Math.min(n, m) < 2) return MISSING_WORD_COST_ONE_IN_COMMON * Math.abs(n - m);
  let cost = 0;
  for (let i = 0; i < n; i++) if (!usedFirst[i]) cost += first.lineage[first.from + i] ? MISSING_FOREBEAR_COST : MISSING_WORD_COST;
  for (let j = 0; j < m; j++) if (!usedSecond[j]) cost += second.lineage[second.from + j] ? MISSING_FOREBEAR_COST : MISSING_WORD_COST;
  return Math.min(cost, MISSING_COST_CAP);
}

/**
 * Token-set similarity in [0, 1] from a matrix filled through similarityMatrix: each word of
 * the shorter name paired with a word of the other, best pairs first, order ignored.
 */
export function similarityOfMatrix(n: number, m: number, first: WordList, second: WordList): number {
  if (n === 0 || m === 0) return 0;
  const sum = pairFilled(n, m, first, second);
  return sum / (Math.min(n, m) + missingCost(n, m, first, second));
}

/**
 * Token-set similarity of two names in [0, 1]: each word of the shorter name paired with a
 * word of the other, best pairs first, order ignored (family and given names swapped,
 * middle names moved). Symmetric in its arguments.
 */
export function alignedSimilarity(first: readonly NameToken[], second: readonly NameToken[], compare: CompareTokens = compareDirectly): number {
  if (first.length === 0 || second.length === 0) return 0;
  return pairWords(first, second, compare);
}

/** The same similarity with the word pairs it rests on, for explanations. */
export function alignNames(first: readonly NameToken[], second: readonly NameToken[], compare: CompareTokens = compareDirectly): NameAlignment {
  if (first.length === 0 || second.length === 0) return { pairs: [], similarity: 0 };
  const similarity = pairWords(first, second, compare);
  const pairs: TokenPair[] = [];
  for (let p = 0; p < Math.min(first.length, second.length); p++) {
    const i = chosenFirst[p] as number;
    const j = chosenSecond[p] as number;
    const { similarity: pairSimilarity, method } = compare(first[i] as NameToken, second[j] as NameToken, i);
    pairs.push({ first: i, second: j, similarity: pairSimilarity, method });
  }
  return { pairs, similarity };
}
