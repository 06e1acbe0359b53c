import 'server-only';
import type { FieldExplanation } from '@/lib/schemas/hit-detail';
import { assessDateOfBirth, explainDateOfBirth } from './compare-date-of-birth';
import { documentAgreement, explainDocument, explainNationality, nationalityAgreement } from './compare-identifiers';
import { explainNameField, type NameMatch } from './compare-names';
import type { IndexedEntry } from './indexed-entry';
import { alignNames, type CompareTokens } from './name-alignment';
import { toNameToken, type NameToken } from './name-token';
import { lineageWords } from './lineage';
import { nameTokens } from './name-tokens';
import { normaliseDocumentNumber } from './normalise';
import { scoreMatch } from './score-match';
import type { ScreeningTraveller } from './screening-types';

/** The traveller's name words, family name first, each marked with its field. */
export function travellerNameTokens(traveller: ScreeningTraveller): NameToken[] {
  const given = nameTokens(traveller.givenNames);
  const forebears = lineageWords(traveller.givenNames, given);
  return [
    ...nameTokens(traveller.familyName).map((text) => toNameToken(text, 'family')),
    ...given.map((text) => toNameToken(text, 'given', forebears.has(text))),
  ];
}

/** The score of a traveller against an entry, given the entry's best-matching name; builds no explanation. */
export function scorePair(traveller: ScreeningTraveller, documentKey: string, entry: IndexedEntry, name: NameMatch | null): number {
  return scoreMatch({
    nameSimilarity: name?.similarity ?? 0,
    dateOfBirth: assessDateOfBirth(traveller.dateOfBirth, entry.datesOfBirth).evidence,
    nationality: nationalityAgreement(traveller.nationality, entry),
    document: documentAgreement(documentKey, entry),
  });
}

/** The five-field explanation, in the order the triage page shows it. */
export function explainMatch(
  traveller: ScreeningTraveller,
  tokens: readonly NameToken[],
  entry: IndexedEntry,
  name: NameMatch | null,
  compare?: CompareTokens,
): FieldExplanation[] {
  const aligned = name ? { form: name.form, alignment: alignNames(tokens, name.form.tokens, compare) } : null;
  return [
    explainNameField('familyName', traveller.familyName, tokens, aligned),
    explainNameField('givenNames', traveller.givenNames, tokens, aligned),
    explainDateOfBirth(traveller.dateOfBirth, assessDateOfBirth(traveller.dateOfBirth, entry.datesOfBirth)),
    explainNationality(traveller.nationality, entry),
    explainDocument(traveller.documentNumber, entry),
  ];
}

export const documentKeyOf = (traveller: ScreeningTraveller) => normaliseDocumentNumber(traveller.documentNumber ?? '');
