import 'server-only';
import { NAME_POOLS } from './common-names';
import { normaliseName } from './normalise';
import type { SeededRandom } from './seeded-random';

// How a listed person's name comes back on a passport or a booking: romanised another way,
// family and given names swapped, particles dropped, a typo, an initial, a middle name
// left out or added. Used to build labelled positives and benchmark traffic; written
// independently of the engine's own folding rules so that it does not grade itself.

export const VARIANT_KINDS = ['exact', 'transliteration', 'swapped', 'particles', 'typo', 'initial', 'missing-middle', 'extra-middle'] as const;
export type VariantKind = (typeof VARIANT_KINDS)[number];

export interface NameVariant {
  familyName: string;
  givenNames: string | null;
  kind: VariantKind;
}

// Spelling changes romanisation schemes make: [pattern, replacement].
const RESPELLINGS: readonly (readonly [RegExp, string])[] = [
  [/OU/, 'U'], [/U(?!U)/, 'OU'], [/O/, 'U'], [/U/, 'O'], [/(?<=.)I/, 'E'], [/(?<=.)E/, 'I'], [/(?<=.)A(?=.)/, 'E'],
  [/([BDFKLMNRST])(?=[AEIOU])/, '$1$1'], [/([BDFKLMNRST])\1/, '$1'], [/(?<=.)Y/, 'I'], [/(?<=.)I(?=[AEOU])/, 'Y'],
  [/^J/, 'DJ'], [/PH/, 'F'], [/(?<=.)F/, 'PH'], [/SH/, 'SCH'], [/EE/, 'I'], [/(?<=.)I(?=[^AEIOU])/, 'EE'], [/Q/, 'K'],
  [/K(?!H)/, 'Q'], [/C(?=[AOU])/, 'K'], [/X/, 'KS'], [/W/, 'V'], [/AY/, 'EI'], [/EI/, 'AY'], [/IY$/, 'I'], [/Y$/, 'I'], [/KH/, 'H'],
];
const PARTICLE_WORDS = new Set(['AL', 'EL', 'BIN', 'IBN', 'BEN', 'DE', 'DA', 'DI', 'DEL', 'VAN', 'VON', 'DER', 'LA', 'LE', 'DOS']);
const MIDDLE_NAMES = NAME_POOLS.flatMap((pool) => pool.given.filter((name) => !/\s|-/.test(name)));
const LETTERS = 'ABCDEFGHIJKLMNOPRSTUVWYZ';

// As a passport's machine-readable zone writes names: apostrophes left out, hyphens as spaces.
const words = (value: string | null) => (value ? normaliseName(value.replace(/['\u2018\u2019]/g, '')).split(' ').filter(Boolean) : []);
const joined = (list: readonly string[]) => (list.length > 0 ? list.join(' ') : null);

function respell(word: string, random: SeededRandom): string | null {
  const applicable = RESPELLINGS.filter(([pattern]) => pattern.test(word));
  if (applicable.length === 0) return null;
  const [pattern, replacement] = random.pick(applicable);
  return word.replace(pattern, replacement);
}

function misspell(word: string, random: SeededRandom): string {
  const at = random.int(1, word.length - 1);
  switch (random.int(0, 3)) {
    case 0:
      return word.slice(0, at) + random.pick([...LETTERS]) + word.slice(at + 1);
    case 1:
      return word.slice(0, at) + word.slice(at + 1);
    case 2:
      return at < word.length - 1 ? word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2) : word.slice(0, -1);
    default:
      return word.slice(0, at) + word[at] + word.slice(at);
  }
}

/** One variant of a listed name of the given kind; null when the kind does not apply to this name. */
export function variantOfName(familyName: string, givenNames: string | null, kind: VariantKind, random: SeededRandom): NameVariant | null {
  const family = words(familyName);
  const given = words(givenNames);
  if (family.length === 0) return null;
  const result = (f: readonly string[], g: readonly string[]): NameVariant | null => {
    const familyText = joined(f);
    return familyText === null ? null : { familyName: familyText, givenNames: joined(g), kind };
  };
  switch (kind) {
    case 'exact':
      return result(family, given);
    case 'transliteration': {
      const all = [...family, ...given];
      const at = random.int(0, all.length - 1);
      const word = all[at] as string;
      const respelt = word.length >= 3 ? respell(word, random) : null;
      if (respelt === null || respelt === word) return null;
      all[at] = respelt;
      return result(all.slice(0, family.length), all.slice(family.length));
    }
    case 'swapped':
      return given.length > 0 ? result(given, family) : null;
    case 'particles': {
      const at = family.findIndex((word, i) => PARTICLE_WORDS.has(word) && i < family.length - 1);
      if (at >= 0) {
        // Dropped (ZAWAHIRI), or an Arabic article glued to the next word (ALZAWAHIRI).
        const next = family[at + 1] as string;
        const glue = (family[at] === 'AL' || family[at] === 'EL') && random.chance(0.5);
        const rest = glue ? [`${family[at]}${next}`] : [next];
        return result([...family.slice(0, at), ...rest, ...family.slice(at + 2)], given);
      }
      const givenAt = given.findIndex((word, i) => PARTICLE_WORDS.has(word) && i > 0);
      return givenAt >= 0 ? result(family, given.filter((_, i) => i !== givenAt)) : null;
    }
    case 'typo': {
      const all = [...family, ...given];
      const long = all.flatMap((word, i) => (word.length >= 5 ? [i] : []));
      if (long.length === 0) return null;
      const at = random.pick(long);
      all[at] = misspell(all[at] as string, random);
      return result(all.slice(0, family.length), all.slice(family.length));
    }
    case 'initial': {
      if (given.length < 2) return null;
      const at = random.int(1, given.length - 1);
      return result(family, given.map((word, i) => (i === at ? `${word[0]}.` : word)));
    }
    case 'missing-middle':
      if (given.length >= 2) return result(family, given.slice(0, 1));
      // A second family name (CASTRO GONZALEZ), not the word after a particle (AL KHAZALI).
      return family.length >= 2 && !family.some((word) => PARTICLE_WORDS.has(word)) ? result(family.slice(0, 1), given) : null;
    case 'extra-middle':
      return result(family, [...given, normaliseName(random.pick(MIDDLE_NAMES))]);
  }
}
