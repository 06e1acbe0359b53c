import 'server-only';
import { joinCompounds } from './name-compounds';
import { normaliseName } from './normalise';
import { ASSIMILATED_ARTICLES, HONORIFICS, PARTICLES } from './name-vocabulary';

// Apostrophes mark an ayn or an elision inside a word (MAS'UD, O'BRIEN): joined, not split.
const APOSTROPHES = /['\u2018\u2019\u02BB\u02BC\u0060\u00B4]/g;
const MAX_PASSES = 4;

function dropHonorifics(words: readonly string[]): readonly string[] {
  const kept = words.filter((word) => !HONORIFICS.has(word));
  // A field that is nothing but a title ("IBRAHIM, Haji"; "AL-SAYYID") keeps it: it is all the list gives.
  return kept.every((word) => PARTICLES.has(word) || ASSIMILATED_ARTICLES[word] !== undefined) ? words : kept;
}

function isParticle(word: string, next: string | undefined): boolean {
  if (PARTICLES.has(word)) return true;
  const consonant = ASSIMILATED_ARTICLES[word];
  return consonant !== undefined && next !== undefined && next.startsWith(consonant) && next.length > 2;
}

function dropParticles(words: readonly string[]): readonly string[] {
  const kept = words.filter((word, i) => !isParticle(word, words[i + 1]));
  // A field that is only particles ("DE", "LE") keeps them: they are its name.
  return kept.length === 0 ? words : kept;
}

/**
 * The comparable words of one name field: upper-case ASCII, apostrophes joined, compounds
 * joined, titles and joining particles dropped. The same function serves travellers and
 * listed names, so both sides are always treated alike. Idempotent.
 */
export function nameTokens(value: string | null | undefined): string[] {
  if (!value) return [];
  let words: readonly string[] = normaliseName(value.replace(APOSTROPHES, '')).split(' ').filter(Boolean);
  // Each step can expose work for another (a dropped title leaves a particle first); repeat
  // to a fixed point so that normalising a normalised name changes nothing.
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const next = dropParticles(dropHonorifics(joinCompounds(words)));
    if (next.length === words.length && next.every((word, i) => word === words[i])) break;
    words = next;
  }
  return [...words];
}

/** A person's name as the engine compares it, as one string. */
export function normalisePersonName(value: string | null | undefined): string {
  return nameTokens(value).join(' ');
}
