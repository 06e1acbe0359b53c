import { CULTURES, cultureOfNationality, type Culture } from './seed-names';
import { dobDisagrees, normaliseName, type EntryDob } from './seed-matching';
import { rngFor, type Rng } from './seed-random';
import { pickCulture, randomDateInYear, spell, type TravellerIdentity, type SeedWindow } from './seed-travellers';
import type { SourceCode } from './seed-watchlists';

// Pairs each seeded hit with a listed person and builds the traveller who produced it:
// mostly false positives (a name that resembles the listed one, but a different person),
// a few true matches (the listed person travelling).

export interface HitEntry {
  id: string;
  sourceId: string;
  sourceCode: SourceCode;
  externalId: string;
  version: number;
  familyName: string;
  givenNames: string | null;
  aliases: { name: string; quality?: string }[];
  datesOfBirth: EntryDob[];
  nationalities: string[];
  documents: { type?: string; number: string; country?: string | null }[];
  offenceCategory: string;
}

export type FalsePositiveKind = 'shared-family-name' | 'transliteration' | 'homonym';

export interface HitPair {
  index: number;
  entry: HitEntry;
  identity: TravellerIdentity;
  trueMatch: boolean;
  kind: FalsePositiveKind | 'true-match';
}

// Every sixteenth hit is the listed person: true matches are rare (DESIGN.md: 99.7% of
// 2019's hits were false positives), but a demo needs a few of each outcome.
const TRUE_MATCH_EVERY = 16;
const SOURCE_WEIGHTS: readonly (readonly [SourceCode, number])[] = [['OFAC-SDN', 45], ['NATIONAL-ALERTS', 35], ['SIS-LIKE', 20]];

const ALPHA3 = /^[A-Z]{3}$/;

// Spelling changes that transliteration schemes actually make; the first that applies wins.
const VARIANT_RULES: readonly (readonly [RegExp, string])[] = [
  [/OU/, 'U'], [/KH/, 'H'], [/^AL-/, 'AL '], [/^AL-/, 'EL-'], [/EE/, 'I'], [/Y/, 'I'], [/I$/, 'Y'], [/SH/, 'SCH'],
  [/W/, 'V'], [/Q/, 'K'], [/MM/, 'M'], [/M(?=[AEIOU])/, 'MM'], [/PH/, 'F'], [/J/, 'DJ'], [/DZH/, 'J'], [/IE/, 'I'],
  [/A$/, 'AH'], [/U/, 'OU'], [/C/, 'K'], [/K/, 'Q'],
];

export function passportName(value: string): string {
  return value.toUpperCase().replace(/\s+/g, ' ').trim();
}

function groupOf(name: string): readonly string[] | undefined {
  for (const culture of CULTURES) {
    for (const group of [...culture.family, ...culture.male, ...culture.female]) if (group.includes(name)) return group;
  }
  return undefined;
}

/** Another spelling of the same name: from the name groups, else by a transliteration rule. */
export function variantOf(rng: Rng, name: string): string {
  const group = groupOf(name);
  if (group && group.length > 1) return rng.pick(group.filter((spelling) => spelling !== name));
  const rules = [...VARIANT_RULES].sort(() => rng.float() - 0.5);
  for (const [pattern, replacement] of rules) {
    const changed = name.replace(pattern, replacement);
    if (changed !== name) return changed;
  }
  return name;
}

function variantOfTokens(rng: Rng, names: string): string {
  const tokens = names.split(' ');
  const at = rng.int(0, tokens.length - 1);
  return tokens.map((token, i) => (i === at ? variantOf(rng, token) : token)).join(' ');
}

function cultureOf(entry: HitEntry): Culture | undefined {
  for (const nationality of entry.nationalities) {
    const culture = cultureOfNationality(nationality);
    if (culture) return culture;
  }
  const family = passportName(entry.familyName);
  return CULTURES.find((culture) => culture.family.some((group) => group.includes(family)));
}

function sexOf(culture: Culture, givenNames: string): 'M' | 'F' {
  const first = givenNames.split(' ')[0] ?? '';
  return culture.female.some((group) => group.includes(first)) ? 'F' : 'M';
}

function dateWithin(rng: Rng, dob: EntryDob): string {
  if (dob.precision === 'DAY') return dob.value;
  const year = Number(dob.value.slice(0, 4));
  if (dob.precision === 'MONTH') return randomDateInYear(rng, year, Number(dob.value.slice(5, 7)));
  return randomDateInYear(rng, dob.to ? rng.int(year, Number(dob.to)) : year);
}

function trueIdentity(rng: Rng, entry: HitEntry, culture: Culture, year: number): TravellerIdentity {
  const commaAliases = entry.aliases.filter((alias) => alias.name.includes(','));
  const [family, given] = commaAliases.length > 0 && rng.chance(0.25)
    ? (rng.pick(commaAliases).name.split(',') as [string, string])
    : [entry.familyName, entry.givenNames ?? spell(rng, rng.pick(culture.male))];
  const dob = entry.datesOfBirth[0];
  const passport = entry.documents.find((document) => document.type === 'PASSPORT' && ALPHA3.test(document.country ?? ''));
  const givenNames = passportName(given);
  return {
    familyName: passportName(family),
    givenNames,
    dateOfBirth: dob ? dateWithin(rng, dob) : randomDateInYear(rng, year - rng.int(25, 70)),
    sex: sexOf(culture, givenNames),
    nationality: entry.nationalities.find((code) => ALPHA3.test(code)) ?? (rng.pick(culture.nationalities) as string),
    ...(passport && rng.chance(0.5) ? { documentNumber: passport.number } : {}),
  };
}

function falseIdentity(rng: Rng, entry: HitEntry, culture: Culture, year: number): { identity: TravellerIdentity; kind: FalsePositiveKind } {
  const kind = rng.weighted([['shared-family-name', 45], ['transliteration', 35], ['homonym', 20]] as const);
  const family = passportName(entry.familyName);
  const entryGiven = entry.givenNames ? passportName(entry.givenNames) : null;
  let familyName = family;
  let givenNames: string;
  if (kind === 'shared-family-name' || !entryGiven) {
    if (rng.chance(0.3)) familyName = variantOf(rng, family);
    givenNames = spell(rng, rng.pick(rng.chance(0.5) ? culture.male : culture.female));
  } else if (kind === 'transliteration') {
    familyName = variantOf(rng, family);
    givenNames = rng.chance(0.6) ? variantOfTokens(rng, entryGiven) : entryGiven;
  } else {
    givenNames = entryGiven;
  }

  // A different person: the date of birth disagrees with every listed one (sometimes
  // only by day and month swapped), and the nationality often differs too.
  let dateOfBirth = '';
  const first = entry.datesOfBirth[0];
  const day = first?.precision === 'DAY' ? Number(first.value.slice(8, 10)) : 0;
  if (first && day >= 1 && day <= 12 && day !== Number(first.value.slice(5, 7)) && rng.chance(0.15)) {
    dateOfBirth = `${first.value.slice(0, 4)}-${first.value.slice(8, 10)}-${first.value.slice(5, 7)}`;
  }
  for (let attempt = 0; !dateOfBirth || !dobDisagrees(dateOfBirth, entry.datesOfBirth); attempt++) {
    const base = first && attempt < 10 ? Number(first.value.slice(0, 4)) + rng.int(-6, 6) : year - rng.int(18, 80);
    dateOfBirth = randomDateInYear(rng, base);
  }
  const listed = entry.nationalities.filter((code) => ALPHA3.test(code));
  const others = culture.nationalities.filter((code) => !listed.includes(code));
  const mustDiffer = entry.datesOfBirth.length === 0 || kind === 'homonym';
  const nationality = listed.length > 0 && !mustDiffer && rng.chance(0.6)
    ? (rng.pick(listed) as string)
    : others.length > 0 ? rng.pick(others) : rng.pick(['DEU', 'FRA', 'NLD', 'GBR'].filter((code) => !listed.includes(code)));
  return { identity: { familyName, givenNames, dateOfBirth, sex: sexOf(culture, givenNames), nationality }, kind };
}

/** Entries a hit can be paired with: listed individuals with a usable name and something to tell people apart by. */
export function pairableEntries(entries: readonly HitEntry[]): HitEntry[] {
  return entries.filter((entry) => normaliseName(entry.familyName) !== '' && (entry.datesOfBirth.length > 0 || entry.nationalities.length > 0));
}

export function planHitPair(index: number, bySource: Readonly<Record<SourceCode, readonly HitEntry[]>>, window: SeedWindow): HitPair {
  const rng = rngFor('hit-pair', index);
  const available = SOURCE_WEIGHTS.filter(([code]) => bySource[code].length > 0);
  if (available.length === 0) throw new Error('No watchlist entry can be paired with a hit.');
  const entry = rng.pick(bySource[rng.weighted(available)]);
  const culture = cultureOf(entry) ?? pickCulture(rng);
  const year = window.now.getUTCFullYear();
  if (index % TRUE_MATCH_EVERY === 5) {
    return { index, entry, identity: trueIdentity(rng, entry, culture, year), trueMatch: true, kind: 'true-match' };
  }
  const { identity, kind } = falseIdentity(rng, entry, culture, year);
  return { index, entry, identity, trueMatch: false, kind };
}
