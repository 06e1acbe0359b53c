import 'server-only';
import type { MatchMethod } from '@/lib/schemas/hit-detail';
import { editDistance, withinOneEdit } from './edit-distance';
import { jaroWinkler } from './jaro-winkler';
import type { NameToken } from './name-token';
import { compatibleVowels, sameTransliteration, type Spelling } from './spelling-key';

export type TokenMethod = Extract<MatchMethod, 'exact' | 'transliteration' | 'phonetic' | 'fuzzy' | 'none'>;

export interface TokenComparison {
  similarity: number;
  method: TokenMethod;
}

// Known romanisations of one word score at least this, however far apart the letters are.
const TRANSLITERATION_FLOOR = 0.95;
const PHONETIC_FLOOR = 0.9;
// Sound keys of one or two consonants (LAURA/LIRA, MEYER/MARIO) agree too often by chance;
// the letters must still look alike (HOSSEINI and EHSAN share a key, not a name).
const MIN_PHONETIC_KEY = 3;
const MIN_PHONETIC_LETTERS = 0.75;
/** An initial agreeing with a word's first letter: some evidence, never as much as the word. */
export const INITIAL_SIMILARITY = 0.85;
/** Spellings at least this close, and a slip or two apart, count as the same word misspelt. */
export const FUZZY_TOKEN_SIMILARITY = 0.85;
// A short word allows one slip (MURAT/MURAD), a long one two (POURJAMSHIDIAN).
const LONG_WORD = 8;

const NO_MATCH: TokenComparison = { similarity: 0, method: 'none' };
const EXACT: TokenComparison = { similarity: 1, method: 'exact' };

// A word that is another word plus an ending is a derived name, not a spelling of it:
// IVANOV/IVANOVICH, MOHAMMAD/MOHAMMADI, GHOLAM/GHOLAMI, OMRAN/AMRANI, KUZNETSOV/KUZNETSOVA.
// One lost final consonant (MURAT/MURA, SULTAN/SULTA) is a typo instead.
function derivedName(a: Spelling, b: Spelling): boolean {
  const [short, long] = a.prepared.length <= b.prepared.length ? [a, b] : [b, a];
  if (long.prepared.startsWith(short.prepared)) {
    return long.prepared.length - short.prepared.length > 1 || /[AEIOUY]$/.test(long.prepared);
  }
  // The same word in another romanisation plus a final vowel (HUSSEIN/HOSSEINI); a word of
  // the same length with its last letters swapped (MARADIAGA/MARADIAAG) is a typo instead.
  return (
    long.prepared.length > short.prepared.length &&
    long.skeleton.length === short.skeleton.length + 1 &&
    long.skeleton.endsWith('*') &&
    long.skeleton.startsWith(short.skeleton) &&
    short.vowels.every((vowel, i) => compatibleVowels(vowel, long.vowels[i] as string))
  );
}

const sameVowels = (a: Spelling, b: Spelling) => a.vowels.length === b.vowels.length && a.vowels.every((vowel, i) => vowel === b.vowels[i]);

/** How alike two name words are. Symmetric: compareTokens(a, b) equals compareTokens(b, a). */
export function compareTokens(a: NameToken, b: NameToken): TokenComparison {
  if (a.text === b.text) return EXACT;
  if (a.initial || b.initial) {
    if (a.initial && b.initial) return NO_MATCH;
    return a.text[0] === b.text[0] ? { similarity: INITIAL_SIMILARITY, method: 'fuzzy' } : NO_MATCH;
  }
  const sa = a.spelling;
  const sb = b.spelling;
  // Every kind of match below leaves the consonant sounds equal or one edit apart, except
  // two slips in a long word: anything else is a different word, known without comparing letters.
  const long = Math.max(sa.prepared.length, sb.prepared.length) >= LONG_WORD;
  if (!long && !withinOneEdit(sa.sound, sb.sound)) return NO_MATCH;
  const letters = jaroWinkler(sa.prepared, sb.prepared);
  // One-consonant words (ALI, ELI, ALA) share a skeleton too easily to trust it alone.
  const distinctive = sa.consonants >= 2 && sb.consonants >= 2;
  if (sameTransliteration(sa, sb) && (distinctive || sameVowels(sa, sb))) {
    return { similarity: Math.max(letters, TRANSLITERATION_FLOOR), method: 'transliteration' };
  }
  if (derivedName(sa, sb)) return NO_MATCH;
  // Same consonant sounds in as many syllables (MAHMOUD, two, is not MUHAMMAD, three), or
  // with one vowel more only if the letters look much alike (ALEKSANDR, ALEXANDER).
  if (
    sa.sound === sb.sound &&
    sa.sound.length >= MIN_PHONETIC_KEY &&
    letters >= MIN_PHONETIC_LETTERS &&
    (sa.vowels.length === sb.vowels.length || letters >= FUZZY_TOKEN_SIMILARITY)
  ) {
    return { similarity: Math.max(letters, PHONETIC_FLOOR), method: 'phonetic' };
  }
  if (letters < FUZZY_TOKEN_SIMILARITY) return NO_MATCH;
  const slips = long ? 2 : 1;
  return editDistance(sa.prepared, sb.prepared, slips) <= slips ? { similarity: letters, method: 'fuzzy' } : NO_MATCH;
}
