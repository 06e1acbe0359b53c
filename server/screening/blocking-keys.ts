import 'server-only';
import type { NameToken } from './name-token';

// Blocking: a traveller is compared only with entries that share keys with them. A word's
// key is its sound (its consonants in sound classes: spelling-key.ts), so romanisations of
// one word share it. A typo that changes a consonant is one edit between two sounds; keys
// from the sound with one consonant left out find it: the listed sound with one left out
// against the traveller's whole sound (the traveller lacks one), the reverse (one extra),
// and both with the same position left out (one changed); the traveller's sound with two
// neighbours swapped against the listed sound (ADNREY, IRBAHIM). Two different positions
// left out would be two edits, and are not a key.
const MIN_SOUND_FOR_TYPO_KEYS = 2;

function deletions(sound: string): string[] {
  if (sound.length < MIN_SOUND_FOR_TYPO_KEYS) return [];
  return Array.from(sound, (_, i) => sound.slice(0, i) + sound.slice(i + 1));
}

const exactKey = (token: NameToken) => (token.spelling.sound === '' ? `#${token.text}` : `=${token.spelling.sound}`);

/** The keys a listed word is indexed under, its exact key first. */
export function listedWordKeys(token: NameToken): string[] {
  if (token.initial) return [];
  const keys = new Set([exactKey(token)]);
  deletions(token.spelling.sound).forEach((deleted, i) => {
    if (deleted.length > 1) keys.add(`-${deleted}`);
    keys.add(`${i}-${deleted}`);
  });
  return [...keys];
}

/** The keys a traveller's word looks up, its exact key first; none for an initial (it would match half the list). */
export function travellerWordKeys(token: NameToken): string[] {
  if (token.initial) return [];
  const sound = token.spelling.sound;
  const keys = new Set([exactKey(token)]);
  if (sound.length > 1) keys.add(`-${sound}`);
  deletions(sound).forEach((deleted, i) => {
    if (deleted.length > 1) keys.add(`=${deleted}`);
    keys.add(`${i}-${deleted}`);
  });
  for (let i = 0; i + 1 < sound.length; i++) {
    if (sound[i] !== sound[i + 1]) keys.add(`=${sound.slice(0, i)}${sound[i + 1]}${sound[i]}${sound.slice(i + 2)}`);
  }
  return [...keys];
}

/** Document numbers shorter than this are too unspecific to find candidates by. */
export const MIN_DOCUMENT_KEY_LENGTH = 5;
