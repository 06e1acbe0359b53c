import 'server-only';
import { MIN_DOCUMENT_KEY_LENGTH, wordKey } from './blocking-keys';
import type { IndexedEntry } from './indexed-entry';
import type { NameToken } from './name-token';
import type { ScreeningIndex, ScreeningScratch } from './screening-index';
import { nearSoundIds } from './sound-neighbours';

// Two words in common are needed when both names have two: one shared word (a common given
// name, a common family name) alone would make half the list a candidate. One of them must
// share its key; the other may be a typo away (blocking-keys.ts, sound-neighbours.ts).
const WORDS_IN_COMMON = 2;
// A bitmask holds which traveller words a name shares; words beyond this are not looked up.
const MAX_LOOKED_UP_WORDS = 30;
const STAMP_LIMIT = 2 ** 30;

/** Starts a lookup; wraps the stamps before they overflow. */
function beginLookup(scratch: ScreeningScratch): number {
  if (scratch.stamp >= STAMP_LIMIT) {
    scratch.touchedAt.fill(0);
    scratch.nearAt.fill(0);
    scratch.stamp = 0;
  }
  scratch.stamp += 1;
  return scratch.stamp;
}

const bitCount = (mask: number) => {
  let count = 0;
  for (let m = mask; m !== 0; m &= m - 1) count += 1;
  return count;
};

/** Marks every listed sound a typo away from one of the traveller's words, with which words. */
function markNearSounds(index: ScreeningIndex, keyed: readonly NameToken[], lookup: number): void {
  const { scratch } = index;
  keyed.forEach((token, word) => {
    const near = nearSoundIds(index.sounds, token.spelling.sound);
    for (let i = 0; i < near.length; i++) {
      const sound = near[i] as number;
      if (scratch.nearAt[sound] !== lookup) {
        scratch.nearAt[sound] = lookup;
        scratch.nearWords[sound] = 0;
      }
      scratch.nearWords[sound] = (scratch.nearWords[sound] as number) | (1 << word);
    }
  });
}

/**
 * The names worth comparing with a traveller, by position in `index.names`, in ascending
 * order (so an entry's names come together): those sharing two of the traveller's words
 * (one when either name has only one), and every name of an entry listing the traveller's
 * document number.
 */
export function findCandidateNames(index: ScreeningIndex, traveller: readonly NameToken[], documentKey: string): number[] {
  const { scratch } = index;
  const lookup = beginLookup(scratch);
  const candidates: number[] = [];
  const keyed = traveller.filter((token) => wordKey(token) !== null).slice(0, MAX_LOOKED_UP_WORDS);
  const needed = Math.min(WORDS_IN_COMMON, keyed.length);
  // Names sharing a key with some traveller word, and with which words.
  const touched: number[] = [];
  keyed.forEach((token, word) => {
    const names = index.nameKeys.get(wordKey(token) as string);
    if (!names) return;
    for (let i = 0; i < names.length; i++) {
      const name = names[i] as number;
      if (scratch.touchedAt[name] !== lookup) {
        scratch.touchedAt[name] = lookup;
        scratch.sharedWords[name] = 0;
        touched.push(name);
      }
      scratch.sharedWords[name] = (scratch.sharedWords[name] as number) | (1 << word);
    }
  });
  let nearMarked = false;
  for (const name of touched) {
    const wanted = Math.min(needed, index.nameKeyedWords[name] as number);
    let words = scratch.sharedWords[name] as number;
    if (bitCount(words) < wanted) {
      // Another traveller word may be one typo away from one of the name's words.
      if (!nearMarked) {
        markNearSounds(index, keyed, lookup);
        nearMarked = true;
      }
      const end = index.nameWordsFrom[name + 1] as number;
      for (let at = index.nameWordsFrom[name] as number; at < end; at++) {
        const sound = index.nameSounds[at] as number;
        if (sound >= 0 && scratch.nearAt[sound] === lookup) words |= scratch.nearWords[sound] as number;
      }
    }
    if (bitCount(words) >= wanted) candidates.push(name);
  }
  if (documentKey.length >= MIN_DOCUMENT_KEY_LENGTH) {
    for (const entry of index.documentKeys.get(documentKey) ?? []) {
      const end = index.entryNamesFrom[entry + 1] as number;
      for (let name = index.entryNamesFrom[entry] as number; name < end; name++) {
        if (scratch.touchedAt[name] !== lookup || !candidates.includes(name)) candidates.push(name);
      }
    }
  }
  return candidates.sort((a, b) => a - b);
}

/** The entries worth comparing with a traveller (see findCandidateNames). */
export function findCandidates(index: ScreeningIndex, traveller: readonly NameToken[], documentKey: string): IndexedEntry[] {
  const entries: IndexedEntry[] = [];
  let last = -1;
  for (const name of findCandidateNames(index, traveller, documentKey)) {
    const entry = index.nameOwners[name] as number;
    if (entry !== last) entries.push(index.entries[entry] as IndexedEntry);
    last = entry;
  }
  return entries;
}
