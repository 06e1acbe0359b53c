import 'server-only';
import { MIN_DOCUMENT_KEY_LENGTH, wordKey } from './blocking-keys';
import { indexEntry, type IndexedEntry, type NameForm } from './indexed-entry';
import { newVocabulary, type NameToken } from './name-token';
import type { ScreeningEntry } from './screening-types';
import { buildSoundTable, type SoundTable } from './sound-neighbours';
import type { Spelling } from './spelling-key';
import type { TokenComparison } from './token-similarity';

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
  /** Every name and alias, entry by entry (entry e's are `entryNamesFrom[e]` up to `entryNamesFrom[e + 1]`);
   * `nameOwners` gives the entry holding each, `nameWeights` its weight, `nameKeyedWords` how many keyed words it has. */
  readonly names: readonly NameForm[];
  readonly entryNamesFrom: Int32Array;
  readonly nameOwners: Int32Array;
  readonly nameWeights: Float64Array;
  readonly nameKeyedWords: Uint8Array;
  /** The distinct listed words, by NameToken.word. */
  readonly words: readonly NameToken[];
  /** Blocking key → the names (by position in `names`) holding a word with that key. */
  readonly nameKeys: ReadonlyMap<string, Int32Array>;
  readonly sounds: SoundTable;
  /** Each name's words laid out flat, for speed: name i's are at `nameWordsFrom[i]` up to `nameWordsFrom[i + 1]`
   * of `nameWords` (word numbers), `nameTexts` (the words), `nameLineage` (1 for a forebear's name) and
   * `nameSounds` (numbers in `sounds`; -1 for none). */
  readonly nameWordsFrom: Int32Array;
  readonly nameWords: Int32Array;
  readonly nameTexts: readonly string[];
  readonly nameLineage: Uint8Array;
  readonly nameSounds: Int32Array;
  /** Normalised document number → entries. */
  readonly documentKeys: ReadonlyMap<string, Int32Array>;
  readonly scratch: ScreeningScratch;
}

/**
 * Counters and tables reused across lookups so that screening allocates little per
 * traveller. Safe to share: a lookup runs synchronously to its end before another starts.
 */
export interface ScreeningScratch {
  stamp: number;
  /** Per name: the lookup that last touched it, and which traveller words share its keys. */
  touchedAt: Int32Array;
  sharedWords: Int32Array;
  /** Per listed sound: the lookup that marked it, and which traveller words are a typo away from it. */
  nearAt: Int32Array;
  nearWords: Int32Array;
  /** Per traveller word (the first few): its comparison with each listed word, valid when stamped. */
  comparisonStamp: number;
  comparedAt: Int32Array[];
  comparisons: (TokenComparison | undefined)[][];
}

/** Travellers rarely have more words than this; further words are compared without a table. */
export const TABLED_TRAVELLER_WORDS = 6;

function groupToArrays(groups: Map<string, number[]>): Map<string, Int32Array> {
  return new Map([...groups].map(([key, ids]) => [key, Int32Array.from(ids)]));
}

function file(groups: Map<string, number[]>, key: string, id: number): void {
  const list = groups.get(key);
  if (list) list.push(id);
  else groups.set(key, [id]);
}

/**
 * Indexes the individuals of a watchlist (entities, vessels and aircraft are left out) by
 * the key of every word of every name and alias, and by document number.
 */
export function buildScreeningIndex(source: readonly ScreeningEntry[]): ScreeningIndex {
  const entries: IndexedEntry[] = [];
  const names: NameForm[] = [];
  const entryNamesFrom: number[] = [0];
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
      const nameIndex = names.push(form) - 1;
      owners.push(entryIndex);
      keyedWords.push(Math.min(255, form.tokens.filter((token) => !token.initial).length));
      for (const key of new Set(form.tokens.flatMap((token) => wordKey(token) ?? []))) file(nameGroups, key, nameIndex);
    }
    entryNamesFrom.push(names.length);
    for (const document of new Set(entry.documents.map((d) => d.key))) {
      if (document.length >= MIN_DOCUMENT_KEY_LENGTH) file(documentGroups, document, entryIndex);
    }
  }
  const sounds = buildSoundTable(vocabulary.spellings.map((spelling) => spelling.sound));
  const words = vocabulary.spellings.length;
  const nameWordsFrom = new Int32Array(names.length + 1);
  names.forEach((form, i) => (nameWordsFrom[i + 1] = (nameWordsFrom[i] as number) + form.tokens.length));
  const nameTokens = names.flatMap((form) => form.tokens);
  return {
    stats: { entriesIndexed: entries.length, entriesSkipped: source.length - entries.length, names: names.length, blockingKeys: nameGroups.size },
    entries,
    names,
    entryNamesFrom: Int32Array.from(entryNamesFrom),
    nameOwners: Int32Array.from(owners),
    nameWeights: Float64Array.from(names, (form) => form.weight),
    nameKeyedWords: Uint8Array.from(keyedWords),
    words: vocabulary.texts.map((text, word) => ({ text, part: 'whole', spelling: vocabulary.spellings[word] as Spelling, initial: text.length === 1, word, lineage: false })),
    nameKeys: groupToArrays(nameGroups),
    sounds,
    nameWordsFrom,
    nameWords: Int32Array.from(nameTokens, (token) => token.word),
    nameTexts: nameTokens.map((token) => token.text),
    nameLineage: Uint8Array.from(nameTokens, (token) => (token.lineage ? 1 : 0)),
    nameSounds: Int32Array.from(nameTokens, (token) => sounds.ids.get(token.spelling.sound) ?? -1),
    documentKeys: groupToArrays(documentGroups),
    scratch: {
      stamp: 0,
      touchedAt: new Int32Array(names.length),
      sharedWords: new Int32Array(names.length),
      nearAt: new Int32Array(sounds.sounds.length),
      nearWords: new Int32Array(sounds.sounds.length),
      comparisonStamp: 0,
      comparedAt: Array.from({ length: TABLED_TRAVELLER_WORDS }, () => new Int32Array(words)),
      comparisons: Array.from({ length: TABLED_TRAVELLER_WORDS }, () => new Array<TokenComparison | undefined>(words)),
    },
  };
}
