import 'server-only';
import type { NameToken } from './name-token';

// Blocking: a traveller is compared only with entries whose names share words with theirs.
// A word's key is its sound (its consonants in sound classes: spelling-key.ts), so
// romanisations of one word share it. A name becomes a candidate when one of the
// traveller's words shares its key and another word is the same or one typo away
// (sound-neighbours.ts): a typo in one word never loses a match, and one shared common
// word (ALI, GARCIA) alone finds nothing.

/** The key a word is indexed and looked up under; none for an initial (it would match half the list). */
export function wordKey(token: NameToken): string | null {
  if (token.initial) return null;
  // A word of vowels only (AYA, OUI) has no consonants to key on: the word itself is its key.
  return token.spelling.sound === '' ? `#${token.text}` : token.spelling.sound;
}

/** Document numbers shorter than this are too unspecific to find candidates by. */
export const MIN_DOCUMENT_KEY_LENGTH = 5;
