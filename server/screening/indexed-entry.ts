import 'server-only';
import { listedToken, newVocabulary, type NameToken, type Vocabulary } from './name-token';
import { lineageWords } from './lineage';
import { nameTokens } from './name-tokens';
import { normaliseDocumentNumber } from './normalise';
import type { ScreeningDateOfBirth, ScreeningEntry } from './screening-types';

/** One way the entry's person is named: the primary name or one alias. */
export interface NameForm {
  /** As listed: the primary name or the alias text. */
  label: string;
  isAlias: boolean;
  /** A weak alias (a nickname, a nom de guerre) is weaker evidence of identity. */
  weight: number;
  tokens: readonly NameToken[];
  /** The listed parts, for explanations; null when the form does not say. */
  familyValue: string | null;
  givenValue: string | null;
}

/** An entry as the engine compares it: names tokenised and documents normalised once. */
export interface IndexedEntry {
  id: string;
  version: number;
  forms: readonly NameForm[];
  datesOfBirth: readonly ScreeningDateOfBirth[];
  nationalities: readonly string[];
  documents: readonly { number: string; key: string }[];
}

export const WEAK_ALIAS_WEIGHT = 0.9;

function splitListedName(name: string): { family: string; given: string | null } {
  const comma = name.indexOf(',');
  if (comma < 0) return { family: name, given: null };
  return { family: name.slice(0, comma).trim(), given: name.slice(comma + 1).trim() || null };
}

function formOf(vocabulary: Vocabulary, label: string, family: string | null, given: string | null, isAlias: boolean, weight: number): NameForm | null {
  // Without a comma an alias is a whole name: which word is the family name is unknown.
  const whole = isAlias && given === null;
  const familyWords = nameTokens(family);
  const givenWords = nameTokens(given);
  const forebears = lineageWords(whole ? family : given, whole ? familyWords : givenWords);
  const tokens = [
    ...familyWords.map((text) => listedToken(vocabulary, text, whole ? 'whole' : 'family', whole && forebears.has(text))),
    ...givenWords.map((text) => listedToken(vocabulary, text, 'given', forebears.has(text))),
  ];
  if (tokens.length === 0) return null;
  return { label, isAlias, weight, tokens, familyValue: whole ? null : family, givenValue: given };
}

/** The comparable form of an individual entry; null for entities, vessels, aircraft and nameless rows. */
export function indexEntry(entry: ScreeningEntry, vocabulary: Vocabulary): IndexedEntry | null {
  if (entry.type !== 'INDIVIDUAL') return null;
  const comparable = comparableEntry(entry, vocabulary);
  return comparable.forms.length > 0 ? comparable : null;
}

/** Any entry's names, dates, nationalities and documents as the engine compares them. */
export function comparableEntry(entry: ScreeningEntry, vocabulary: Vocabulary = newVocabulary()): IndexedEntry {
  const listed = entry.familyName === null && entry.givenNames === null ? splitListedName(entry.primaryName) : null;
  const primary = formOf(vocabulary, entry.primaryName, listed ? listed.family : entry.familyName, listed ? listed.given : entry.givenNames, false, 1);
  const forms: NameForm[] = primary ? [primary] : [];
  const seen = new Set(forms.map((form) => form.tokens.map((token) => token.text).sort().join(' ')));
  for (const alias of entry.aliases) {
    const { family, given } = splitListedName(alias.name);
    const form = formOf(vocabulary, alias.name, family, given, true, alias.quality === 'weak' ? WEAK_ALIAS_WEIGHT : 1);
    if (!form) continue;
    // An alias with the primary name's words says nothing new.
    const key = form.tokens.map((token) => token.text).sort().join(' ');
    if (seen.has(key)) continue;
    seen.add(key);
    forms.push(form);
  }
  return {
    id: entry.id,
    version: entry.version,
    forms,
    datesOfBirth: entry.datesOfBirth,
    nationalities: entry.nationalities.map((code) => code.trim().toUpperCase()),
    documents: entry.documents
      .map((document) => ({ number: document.number, key: normaliseDocumentNumber(document.number) }))
      .filter((document) => document.key !== ''),
  };
}
