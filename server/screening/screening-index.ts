import 'server-only';
import { listedWordKeys, MIN_DOCUMENT_KEY_LENGTH, travellerWordKeys } from './blocking-keys';
import { indexEntry, type IndexedEntry } from './indexed-entry';
import type { CompareTokens } from './name-alignment';
import { newVocabulary, type NameToken } from './name-token';
import { compareTokens, type TokenComparison } from './token-similarity';
import type { ScreeningEntry } from './screening-types';

/** What was indexed, for logs and benchmarks. */
export interface ScreeningIndexStats {
  entriesIndexed: number;
  /** Entities, vessels, aircraft and entries without a usable name. */
  entriesSkipped: number;
  names: number;
  blockingKeys: number;
}

/** Built once per watchlist version and reused for every traveller; treat as opaque. */
export interface ScreeningIndex {
  readonly stats: ScreeningIndexStats;
  readonly entries: readonly IndexedEntry[];
  /** Blocking key → names (primary or alias, by position in `nameOwners`) holding a word with that key. */
  readonly nameKeys: ReadonlyMap<string, Int32Array>;
  /** Entry holding each name, and how many keyed words the name has. */
  readonly nameOwners: Int32Array;
  readonly nameKeyedWords: Uint8Array;
  /** Normalised document number → entries. */
  readonly documentKeys: ReadonlyMap<string, Int32Array>;
  /** How many distinct words the listed names have (NameToken.word numbers them). */
  readonly words: number;
  readonly scratch: CandidateScratch;
}

/**
 * Counters reused across lookups so that finding candidates allocates nothing per name.
 * Safe to share: a lookup runs synchronously to its end before another can start.
 */
interface CandidateScratch {
  stamp: number;
  seenByWord: Int32Array;
  countStamp: Int32Array;
  counts: Uint8Array;
  /** Stamped when a traveller's word shares a name's exact key (not only a typo key). */
  exactStamp: Int32Array;
  entryStamp: Int32Array;
  /** Per traveller word (the first few): its comparison with each listed word, valid when stamped. */
  comparisonStamp: number;
  comparedAt: Int32Array[];
  comparisons: (TokenComparison | undefined)[][];
}

function groupToArrays(groups: Map<string, number[]>): Map<string, Int32Array> {
  return new Map([...groups].map(([key, ids]) => [key, Int32Array.from(ids)]));
}

/** Indexes the individuals of a watchlist by the blocking keys of every word of every name and alias. */
export function buildScreeningIndex(source: readonly ScreeningEntry[]): ScreeningIndex {
  const entries: IndexedEntry[] = [];
  const owners: number[] = [];
  const keyedWords: number[] = [];
  const nameGroups = new Map<string, number[]>();
  const documentGroups = new Map<string, number[]>();
  const vocabulary = newVocabulary();
  for (const raw of source) {
    const entry = indexEntry(raw, vocabulary);
    if (!entry) continue;
    const entryIndex = entries.push(entry) - 1;
    for (const form of entry.forms) {
      const nameIndex = owners.push(entryIndex) - 1;
      const keys = new Set(form.tokens.flatMap(listedWordKeys));
      keyedWords.push(Math.min(255, form.tokens.filter((token) => !token.initial).length));
      for (const key of keys) {
        const list = nameGroups.get(key);
        if (list) list.push(nameIndex);
        else nameGroups.set(key, [nameIndex]);
      }
    }
    for (const document of new Set(entry.documents.map((d) => d.key))) {
      if (document.length < MIN_DOCUMENT_KEY_LENGTH) continue;
      const list = documentGroups.get(document);
      if (list) list.push(entryIndex);
      else documentGroups.set(document, [entryIndex]);
    }
  }
  const names = owners.length;
  return {
    stats: { entriesIndexed: entries.length, entriesSkipped: source.length - entries.length, names, blockingKeys: nameGroups.size },
    entries,
    nameKeys: groupToArrays(nameGroups),
    nameOwners: Int32Array.from(owners),
    nameKeyedWords: Uint8Array.from(keyedWords),
    documentKeys: groupToArrays(documentGroups),
    words: vocabulary.spellings.length,
    scratch: {
      comparisonStamp: 0,
      comparedAt: Array.from({ length: TABLED_TRAVELLER_WORDS }, () => new Int32Array(vocabulary.spellings.length)),
      comparisons: Array.from({ length: TABLED_TRAVELLER_WORDS }, () => new Array<TokenComparison | undefined>(vocabulary.spellings.length)),
      stamp: 0,
      seenByWord: new Int32Array(names),
      countStamp: new Int32Array(names),
      counts: new Uint8Array(names),
      exactStamp: new Int32Array(names),
      entryStamp: new Int32Array(entries.length),
    },
  };
}

const STAMP_LIMIT = 2 ** 30;
// Travellers rarely have more words than this; further words are compared without a table.
const TABLED_TRAVELLER_WORDS = 6;

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

/** Starts a lookup that will take `stamps` stamps; wraps the counters before they overflow. */
function beginLookup(scratch: CandidateScratch, stamps: number): void {
  if (scratch.stamp + stamps < STAMP_LIMIT) return;
  scratch.seenByWord.fill(0);
  scratch.countStamp.fill(0);
  scratch.exactStamp.fill(0);
  scratch.entryStamp.fill(0);
  scratch.stamp = 0;
}

// Two shared words are needed when both names have two: one shared word (a common given
// name, a common family name) alone would make half the list a candidate. At least one of
// them must share its exact key: two words each a typo away is chance, not a variant.
const WORDS_IN_COMMON = 2;

/**
 * The entries worth comparing with a traveller: those with a name sharing keys with at
 * least two of the traveller's words (one when either name has only one), and those
 * listing the traveller's document number.
 */
export function findCandidates(index: ScreeningIndex, traveller: readonly NameToken[], documentKey: string): IndexedEntry[] {
  const { scratch } = index;
  const keyed = traveller.map(travellerWordKeys).filter((keys) => keys.length > 0);
  beginLookup(scratch, keyed.length + 1);
  const lookup = ++scratch.stamp;
  const candidates: IndexedEntry[] = [];
  const add = (entryIndex: number) => {
    if (scratch.entryStamp[entryIndex] === lookup) return;
    scratch.entryStamp[entryIndex] = lookup;
    candidates.push(index.entries[entryIndex] as IndexedEntry);
  };
  const needed = Math.min(WORDS_IN_COMMON, keyed.length);
  const reached: number[] = [];
  for (const keys of keyed) {
    const word = ++scratch.stamp;
    // The exact key comes first (travellerWordKeys): a name it finds is marked exact.
    for (let k = 0; k < keys.length; k++) {
      const names = index.nameKeys.get(keys[k] as string);
      if (!names) continue;
      for (let i = 0; i < names.length; i++) {
        const name = names[i] as number;
        if (k === 0) scratch.exactStamp[name] = lookup;
        if (scratch.seenByWord[name] === word) continue;
        scratch.seenByWord[name] = word;
        if (scratch.countStamp[name] !== lookup) {
          scratch.countStamp[name] = lookup;
          scratch.counts[name] = 0;
        }
        const count = (scratch.counts[name] as number) + 1;
        scratch.counts[name] = count;
        if (count === Math.min(needed, index.nameKeyedWords[name] as number)) reached.push(name);
      }
    }
  }
  for (const name of reached) {
    if (scratch.exactStamp[name] === lookup) add(index.nameOwners[name] as number);
  }
  if (documentKey.length >= MIN_DOCUMENT_KEY_LENGTH) {
    for (const entryIndex of index.documentKeys.get(documentKey) ?? []) add(entryIndex);
  }
  return candidates;
}
