import 'server-only';
import type { FieldExplanation, MatchMethod } from '@/lib/schemas/hit-detail';
import type { IndexedEntry, NameForm } from './indexed-entry';
import { alignedSimilarity, type CompareTokens, type NameAlignment, type TokenPair } from './name-alignment';
import type { NamePart, NameToken } from './name-token';
import { FUZZY_TOKEN_SIMILARITY, type TokenMethod } from './token-similarity';

export interface NameMatch {
  form: NameForm;
  /** Token-set similarity with the form, lowered for a weak alias. */
  similarity: number;
}

/** The entry's name or alias closest to the traveller's name; null when either has no words. */
export function bestNameMatch(traveller: readonly NameToken[], entry: IndexedEntry, compare?: CompareTokens): NameMatch | null {
  if (traveller.length === 0) return null;
  let best: NameForm | null = null;
  let bestSimilarity = -1;
  for (const form of entry.forms) {
    const similarity = alignedSimilarity(traveller, form.tokens, compare) * form.weight;
    if (similarity > bestSimilarity) {
      best = form;
      bestSimilarity = similarity;
    }
  }
  return best ? { form: best, similarity: bestSimilarity } : null;
}

// Worst first: a field is described by its least certain word.
const METHOD_ORDER: readonly TokenMethod[] = ['fuzzy', 'phonetic', 'transliteration', 'exact'];
// A word the traveller has and the listed name lacks lowers the field's similarity a little.
const LACKING_WORD_COST = 0.15;

const round = (value: number) => Math.round(value * 1000) / 1000;

function fieldMethod(pairs: readonly TokenPair[]): MatchMethod {
  // A word pairing with a different word inside an agreeing field still reads as a near spelling.
  const methods = new Set<TokenMethod>(pairs.map((pair) => (pair.method === 'none' ? 'fuzzy' : pair.method)));
  return METHOD_ORDER.find((method) => methods.has(method)) ?? 'fuzzy';
}

/** The listed words the traveller's field paired with, as listed when they make up one listed part. */
function listedValue(form: NameForm, entryIndexes: readonly number[]): string {
  const partIndexes = (part: NamePart) => form.tokens.flatMap((token, i) => (token.part === part ? [i] : []));
  const sorted = [...entryIndexes].sort((a, b) => a - b);
  const same = (indexes: readonly number[]) => indexes.length === sorted.length && indexes.every((v, i) => v === sorted[i]);
  if (form.familyValue !== null && same(partIndexes('family'))) return form.familyValue;
  if (form.givenValue !== null && same(partIndexes('given'))) return form.givenValue;
  if (form.isAlias && form.familyValue === null) return form.label;
  return sorted.map((i) => form.tokens[i]?.text ?? '').join(' ');
}

/**
 * The explanation of one traveller name field against the listed name it was aligned with
 * (null when the traveller or the entry has no name words).
 */
export function explainNameField(
  field: 'familyName' | 'givenNames',
  travellerValue: string | null,
  travellerTokens: readonly NameToken[],
  match: { form: NameForm; alignment: NameAlignment } | null,
): FieldExplanation {
  const part: NamePart = field === 'familyName' ? 'family' : 'given';
  const base = { field, travellerValue, travellerField: field } as const;
  const listedPart = match ? (part === 'family' ? (match.form.familyValue ?? match.form.label) : match.form.givenValue) : null;
  const own = travellerTokens.flatMap((token, i) => (token.part === part ? [i] : []));
  if (own.length === 0 || match === null) {
    return { ...base, method: 'absent', entryValue: listedPart, similarity: null, agrees: null };
  }
  const pairs = match.alignment.pairs.filter((pair) => own.includes(pair.first));
  if (pairs.length === 0) {
    // Every word of this field went unpaired: the listed name had no words left for it.
    if (listedPart === null) return { ...base, method: 'absent', entryValue: null, similarity: null, agrees: null };
    return { ...base, method: 'none', entryValue: listedPart, similarity: 0, agrees: false };
  }
  const sum = pairs.reduce((total, pair) => total + pair.similarity, 0);
  const similarity = sum / (pairs.length + LACKING_WORD_COST * (own.length - pairs.length));
  const agrees = similarity >= FUZZY_TOKEN_SIMILARITY;
  const method: MatchMethod = !agrees ? 'none' : match.form.isAlias ? 'alias' : fieldMethod(pairs);
  return {
    ...base,
    method,
    entryValue: listedValue(match.form, pairs.map((pair) => pair.second)),
    similarity: round(similarity),
    agrees,
  };
}
