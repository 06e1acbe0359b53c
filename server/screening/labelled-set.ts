import 'server-only';
import { NAME_POOLS } from './common-names';
import { VARIANT_KINDS, variantOfName, type VariantKind } from './name-variants';
import { seededRandom, type SeededRandom } from './seeded-random';
import type { ScreeningDateOfBirth, ScreeningEntry, ScreeningTraveller } from './screening-types';

// A labelled set built deterministically from a real watchlist: positives are travellers
// whose name is a variant of one listed individual's name (sometimes with that person's
// date of birth, nationality or document); negatives are people who are not listed —
// everyday names, and names recombined from the words of two different listed people
// (so they share a family name with one and given names with another).

export type CaseKind = VariantKind | 'everyday-name' | 'recombined';

export interface LabelledCase {
  traveller: ScreeningTraveller;
  /** The listed individual this traveller is; null for a negative. */
  expectedEntryId: string | null;
  kind: CaseKind;
}

export interface LabelledSetOptions {
  seed?: number;
  positives?: number;
  negatives?: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

const DAY_MS = 86_400_000;

// The first and the last day a partial date ("1946", "1946-09", "1946-09-26") covers.
function firstDay(value: string): number {
  const [year, month = '01', day = '01'] = value.split('-');
  return Date.UTC(Number(year), Number(month) - 1, Number(day));
}

function lastDay(value: string): number {
  const [year, month, day] = value.split('-');
  if (day !== undefined) return firstDay(value);
  return month === undefined ? Date.UTC(Number(year), 11, 31) : Date.UTC(Number(year), Number(month), 0);
}

/** A full date inside what a listed date of birth (or range) says. */
export function dateWithin(dob: ScreeningDateOfBirth, random: SeededRandom): string {
  const from = firstDay(dob.value);
  const to = lastDay(dob.to ?? dob.value);
  return new Date(from + random.int(0, Math.round((to - from) / DAY_MS)) * DAY_MS).toISOString().slice(0, 10);
}

export function randomDate(random: SeededRandom): string {
  return `${random.int(1940, 2008)}-${pad(random.int(1, 12))}-${pad(random.int(1, 28))}`;
}

export function randomDocumentNumber(random: SeededRandom): string {
  const letters = 'ABCDEFGHJKLMNPRSTUVWXYZ';
  let number = random.pick([...letters]) + random.pick([...letters]);
  for (let i = 0; i < 7; i++) number += String(random.int(0, 9));
  return number;
}

/** The parts of an individual's listed name, split at the comma when the list gives only one string. */
export function listedNameParts(entry: ScreeningEntry): { family: string; given: string | null } {
  if (entry.familyName !== null) return { family: entry.familyName, given: entry.givenNames };
  const comma = entry.primaryName.indexOf(',');
  return comma < 0 ? { family: entry.primaryName, given: null } : { family: entry.primaryName.slice(0, comma), given: entry.primaryName.slice(comma + 1) };
}

/** A traveller who is this listed person, named by one variant; null when the variant does not apply. */
export function listedPersonTraveller(entry: ScreeningEntry, kind: VariantKind, random: SeededRandom): ScreeningTraveller | null {
  const { family, given } = listedNameParts(entry);
  const name = variantOfName(family, given, kind, random);
  if (!name) return null;
  const dob = entry.datesOfBirth.length > 0 && random.chance(0.5) ? random.pick(entry.datesOfBirth) : null;
  const nationality = entry.nationalities.length > 0 && random.chance(0.4) ? random.pick(entry.nationalities) : null;
  const document = entry.documents.length > 0 && random.chance(0.1) ? random.pick(entry.documents).number : null;
  return {
    familyName: name.familyName,
    givenNames: name.givenNames,
    dateOfBirth: dob ? dateWithin(dob, random) : null,
    nationality,
    documentNumber: document,
  };
}

/** Someone with an everyday name from one naming tradition; usually with a date of birth, as on a passport. */
export function everydayTraveller(random: SeededRandom): ScreeningTraveller {
  const pool = random.pick(NAME_POOLS);
  const given = random.chance(0.25) ? `${random.pick(pool.given)} ${random.pick(pool.given)}` : random.pick(pool.given);
  return {
    familyName: random.pick(pool.family),
    givenNames: given,
    dateOfBirth: random.chance(0.7) ? randomDate(random) : null,
    nationality: random.pick(pool.nationalities),
    documentNumber: random.chance(0.5) ? randomDocumentNumber(random) : null,
  };
}

function recombinedTraveller(first: ScreeningEntry, second: ScreeningEntry, random: SeededRandom): ScreeningTraveller | null {
  const family = listedNameParts(first).family;
  const given = listedNameParts(second).given;
  if (!given) return null;
  return {
    familyName: family,
    givenNames: given,
    dateOfBirth: random.chance(0.7) ? randomDate(random) : null,
    nationality: random.pick(random.pick(NAME_POOLS).nationalities),
    documentNumber: null,
  };
}

/** The labelled set for a watchlist; the same entries and seed always give the same cases. */
export function buildLabelledSet(entries: readonly ScreeningEntry[], options: LabelledSetOptions = {}): LabelledCase[] {
  const { seed = 20240503, positives = 2000, negatives = 2000 } = options;
  const random = seededRandom(seed);
  const individuals = entries.filter((entry) => entry.type === 'INDIVIDUAL');
  if (individuals.length < 2) throw new Error('a labelled set needs at least two listed individuals');
  const cases: LabelledCase[] = [];
  while (cases.length < positives) {
    const entry = random.pick(individuals);
    const kind = random.pick(VARIANT_KINDS);
    const traveller = listedPersonTraveller(entry, kind, random);
    if (traveller) cases.push({ traveller, expectedEntryId: entry.id, kind });
  }
  while (cases.length < positives + negatives) {
    if (random.chance(0.5)) {
      cases.push({ traveller: everydayTraveller(random), expectedEntryId: null, kind: 'everyday-name' });
      continue;
    }
    const first = random.pick(individuals);
    const second = random.pick(individuals);
    const traveller = first.id === second.id ? null : recombinedTraveller(first, second, random);
    if (traveller) cases.push({ traveller, expectedEntryId: null, kind: 'recombined' });
  }
  return cases;
}
