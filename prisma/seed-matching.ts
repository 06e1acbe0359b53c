// A small, honest stand-in for the screening engine (server/screening comes later): it
// compares the traveller and the entry the seed paired and explains the hit field by
// field, so the seeded explanations, scores and clear reasons follow from the data.

import { normaliseName } from '@/server/screening/normalise';

export type MatchField = 'familyName' | 'givenNames' | 'dateOfBirth' | 'nationality' | 'document';
export type MatchMethod = 'exact' | 'transliteration' | 'phonetic' | 'alias' | 'fuzzy' | 'none' | 'absent';
export type Precision = 'DAY' | 'MONTH' | 'YEAR';

export interface FieldExplanation {
  field: MatchField;
  method: MatchMethod;
  travellerValue: string | null;
  entryValue: string | null;
  similarity: number | null;
  agrees: boolean | null;
  precision?: Precision;
}

export interface EntryDob {
  value: string;
  precision: Precision;
  to?: string;
}

export interface MatchTraveller {
  familyName: string | null;
  givenNames: string | null;
  dateOfBirth: string | null; // YYYY-MM-DD
  nationality: string | null;
  documentNumber: string | null;
}

export interface MatchEntry {
  familyName: string | null;
  givenNames: string | null;
  aliases: readonly { name: string }[];
  datesOfBirth: readonly EntryDob[];
  nationalities: readonly string[];
  documents: readonly { number: string }[];
}

const FUZZY_THRESHOLD = 0.85;

export { normaliseName };
// Spellings that transliteration schemes disagree on fold to one form.
const FOLDS: readonly (readonly [RegExp, string])[] = [
  [/^(AL|EL|UL) ?/, ''], [/ /g, ''], [/SCH/g, 'SH'], [/TCH/g, 'CH'], [/KH/g, 'H'], [/GH/g, 'G'], [/PH/g, 'F'],
  [/DH/g, 'D'], [/TH/g, 'T'], [/OU/g, 'U'], [/EE/g, 'I'], [/AE/g, 'E'], [/OE/g, 'O'], [/UE/g, 'U'], [/CK/g, 'K'],
  [/Q/g, 'K'], [/C/g, 'K'], [/W/g, 'V'], [/Y/g, 'I'], [/J/g, 'I'], [/Z/g, 'S'], [/(.)\1+/g, '$1'],
];

export function transliterationKey(value: string): string {
  return FOLDS.reduce((text, [pattern, replacement]) => text.replace(pattern, replacement), normaliseName(value));
}

/** First letter and the consonant skeleton: MOHAMMED and MUHAMMAD agree. */
export function phoneticKey(value: string): string {
  const key = transliterationKey(value);
  return key.slice(0, 1) + key.slice(1).replace(/[AEIOUH]/g, '');
}

export function jaroWinkler(a: string, b: string): number {
  if (a === b) return a === '' ? 0 : 1;
  if (a === '' || b === '') return 0;
  const window = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  const aMatched = new Array<boolean>(a.length).fill(false);
  const bMatched = new Array<boolean>(b.length).fill(false);
  let matches = 0;
  for (let i = 0; i < a.length; i++) {
    for (let j = Math.max(0, i - window); j < Math.min(b.length, i + window + 1); j++) {
      if (bMatched[j] || a[i] !== b[j]) continue;
      aMatched[i] = bMatched[j] = true;
      matches += 1;
      break;
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  let k = 0;
  for (let i = 0; i < a.length; i++) {
    if (!aMatched[i]) continue;
    while (!bMatched[k]) k += 1;
    if (a[i] !== b[k]) transpositions += 1;
    k += 1;
  }
  const jaro = (matches / a.length + matches / b.length + (matches - transpositions / 2) / matches) / 3;
  let prefix = 0;
  while (prefix < 4 && a[prefix] !== undefined && a[prefix] === b[prefix]) prefix += 1;
  return jaro + prefix * 0.1 * (1 - jaro);
}

const round = (value: number) => Math.round(value * 1000) / 1000;
const tokens = (value: string) => normaliseName(value).split(' ').filter(Boolean);

/** Token-set similarity: each traveller token against its best entry token. */
function nameSimilarity(traveller: string, entry: string): number {
  const a = tokens(traveller);
  const b = tokens(entry);
  if (a.length === 0 || b.length === 0) return 0;
  const whole = jaroWinkler(a.join(' '), b.join(' '));
  const perToken = a.reduce((sum, token) => sum + Math.max(...b.map((other) => jaroWinkler(token, other))), 0) / a.length;
  return Math.max(whole, perToken);
}

function nameMethod(traveller: string, entry: string, similarity: number): MatchMethod {
  if (normaliseName(traveller) === normaliseName(entry)) return 'exact';
  if (transliterationKey(traveller) === transliterationKey(entry)) return 'transliteration';
  if (phoneticKey(traveller) === phoneticKey(entry)) return 'phonetic';
  return similarity >= FUZZY_THRESHOLD ? 'fuzzy' : 'none';
}

function splitAlias(name: string): { familyName: string; givenNames: string | null } {
  const comma = name.indexOf(',');
  return comma < 0 ? { familyName: name, givenNames: null } : { familyName: name.slice(0, comma), givenNames: name.slice(comma + 1) };
}

function compareName(field: 'familyName' | 'givenNames', traveller: string | null, entry: MatchEntry): FieldExplanation {
  const primary = entry[field];
  // Only "SURNAME, Given" aliases have name parts to compare.
  const aliases = entry.aliases.filter((alias) => alias.name.includes(',')).map((alias) => splitAlias(alias.name)[field]);
  const candidates = [primary, ...aliases].filter((value): value is string => !!value && normaliseName(value) !== '');
  if (!traveller || candidates.length === 0) {
    return { field, method: 'absent', travellerValue: traveller, entryValue: primary, similarity: null, agrees: null };
  }
  let best = { value: candidates[0] as string, similarity: -1, isAlias: false };
  candidates.forEach((value, index) => {
    const similarity = nameSimilarity(traveller, value);
    if (similarity > best.similarity) best = { value, similarity, isAlias: index > 0 && value !== primary };
  });
  let method = nameMethod(traveller, best.value, best.similarity);
  if (best.isAlias && method !== 'none') method = 'alias';
  return { field, method, travellerValue: traveller, entryValue: best.value, similarity: round(best.similarity), agrees: method !== 'none' };
}

function dobAgrees(date: string, dob: EntryDob): boolean {
  const length = dob.precision === 'DAY' ? 10 : dob.precision === 'MONTH' ? 7 : 4;
  const part = date.slice(0, length);
  return dob.to === undefined ? part === dob.value : part >= dob.value && part <= dob.to;
}

/** True when no listed date of birth agrees with the date (also when none is listed). */
export function dobDisagrees(date: string, dobs: readonly EntryDob[]): boolean {
  return !dobs.some((dob) => dobAgrees(date, dob));
}

function compareDob(traveller: string | null, entry: MatchEntry): FieldExplanation {
  const show = (dob: EntryDob) => (dob.to ? `${dob.value} to ${dob.to}` : dob.value);
  const first = entry.datesOfBirth[0];
  if (!traveller || !first) {
    return { field: 'dateOfBirth', method: 'absent', travellerValue: traveller, entryValue: first ? show(first) : null, similarity: null, agrees: null };
  }
  const agreeing = entry.datesOfBirth.find((dob) => dobAgrees(traveller, dob));
  if (agreeing) {
    return { field: 'dateOfBirth', method: 'exact', travellerValue: traveller, entryValue: show(agreeing), similarity: 1, agrees: true, precision: agreeing.precision };
  }
  // Day and month swapped is a classic data-entry slip: a near miss, still a disagreement.
  const swapped = `${traveller.slice(0, 4)}-${traveller.slice(8, 10)}-${traveller.slice(5, 7)}`;
  const nearMiss = entry.datesOfBirth.find((dob) => dob.precision === 'DAY' && dob.value === swapped);
  const shown = nearMiss ?? first;
  return {
    field: 'dateOfBirth', method: nearMiss ? 'fuzzy' : 'none', travellerValue: traveller, entryValue: show(shown),
    similarity: nearMiss ? 0.5 : 0, agrees: false, precision: shown.precision,
  };
}

function compareNationality(traveller: string | null, entry: MatchEntry): FieldExplanation {
  if (!traveller || entry.nationalities.length === 0) {
    return { field: 'nationality', method: 'absent', travellerValue: traveller, entryValue: entry.nationalities.join(', ') || null, similarity: null, agrees: null };
  }
  const agrees = entry.nationalities.includes(traveller);
  return { field: 'nationality', method: agrees ? 'exact' : 'none', travellerValue: traveller, entryValue: agrees ? traveller : entry.nationalities.join(', '), similarity: agrees ? 1 : 0, agrees };
}

const documentKey = (value: string) => value.toUpperCase().replace(/[^A-Z0-9]/g, '');

function compareDocument(traveller: string | null, entry: MatchEntry): FieldExplanation {
  if (!traveller || entry.documents.length === 0) {
    return { field: 'document', method: 'absent', travellerValue: traveller, entryValue: entry.documents[0]?.number ?? null, similarity: null, agrees: null };
  }
  const same = entry.documents.find((document) => documentKey(document.number) === documentKey(traveller));
  const shown = same ?? entry.documents[0];
  return { field: 'document', method: same ? 'exact' : 'none', travellerValue: traveller, entryValue: shown?.number ?? null, similarity: same ? 1 : 0, agrees: !!same };
}

export function explainMatch(traveller: MatchTraveller, entry: MatchEntry): FieldExplanation[] {
  return [
    compareName('familyName', traveller.familyName, entry),
    compareName('givenNames', traveller.givenNames, entry),
    compareDob(traveller.dateOfBirth, entry),
    compareNationality(traveller.nationality, entry),
    compareDocument(traveller.documentNumber, entry),
  ];
}

const DOB_WEIGHT: Readonly<Record<Precision, number>> = { DAY: 0.2, MONTH: 0.12, YEAR: 0.08 };

/**
 * Score in [0, 1] from the explanation alone: the names carry most of it (a hit exists
 * because a name matched), agreeing identifiers add, disagreeing ones subtract.
 */
export function scoreMatch(explanation: readonly FieldExplanation[]): number {
  const get = (field: MatchField) => explanation.find((item) => item.field === field);
  const family = get('familyName')?.similarity ?? 0;
  const given = get('givenNames');
  let score = given?.similarity == null ? 0.7 * family : 0.4 * family + 0.3 * given.similarity;
  const dob = get('dateOfBirth');
  if (dob?.agrees === true) score += DOB_WEIGHT[dob.precision ?? 'YEAR'];
  if (dob?.agrees === false) score -= 0.1;
  const nationality = get('nationality');
  if (nationality?.agrees != null) score += nationality.agrees ? 0.05 : -0.05;
  const document = get('document');
  // A different passport number says little (people hold several); the same one says a lot.
  if (document?.agrees != null) score += document.agrees ? 0.2 : -0.02;
  return round(Math.min(1, Math.max(0, score)));
}
