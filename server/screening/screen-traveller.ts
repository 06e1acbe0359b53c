import 'server-only';
import { assessDateOfBirth } from './compare-date-of-birth';
import { documentKeyOf, explainMatch, scorePair, travellerNameTokens } from './compare-pair';
import { findCandidateNames } from './find-candidates';
import type { IndexedEntry, NameForm } from './indexed-entry';
import { similarityMatrix, similarityOfMatrix, wordListOf, type CompareTokens, type WordList } from './name-alignment';
import type { NameToken } from './name-token';
import type { ScreeningIndex } from './screening-index';
import { DEFAULT_SCREENING_THRESHOLDS, type ScreeningThresholds } from './screening-thresholds';
import type { ScreeningMatch, ScreeningTraveller } from './screening-types';
import { travellerComparer } from './traveller-comparer';

// Corroboration lowers the bar for the name: with the same document number (strong
// evidence of its own) or the same full date of birth, the name may be a little further
// off (another romanisation, an initial, a name changed since listing) and still match.
const NAME_ALLOWANCE_WITH_DOCUMENT = 0.15;
const NAME_ALLOWANCE_WITH_BIRTH_DATE = 0.05;

/** Token-set similarity of the traveller's words with one indexed name, lowered for a weak alias. */
function nameSimilarity(index: ScreeningIndex, tokens: readonly NameToken[], travellerWords: WordList, name: number, compare: CompareTokens): number {
  const from = index.nameWordsFrom[name] as number;
  const m = (index.nameWordsFrom[name + 1] as number) - from;
  const n = tokens.length;
  const matrix = similarityMatrix(n, m);
  for (let i = 0; i < n; i++) {
    const token = tokens[i] as NameToken;
    for (let j = 0; j < m; j++) matrix[i * m + j] = compare(token, index.words[index.nameWords[from + j] as number] as NameToken, i).similarity;
  }
  return similarityOfMatrix(n, m, travellerWords, { texts: index.nameTexts, lineage: index.nameLineage, from }) * (index.nameWeights[name] as number);
}

function listsDocument(entry: IndexedEntry, key: string): boolean {
  if (key === '') return false;
  for (const document of entry.documents) if (document.key === key) return true;
  return false;
}

/**
 * The listed individuals a traveller matches, best first. Pure: the same traveller, index
 * and thresholds always give the same matches, each with its five-field explanation.
 */
export function screenTraveller(
  traveller: ScreeningTraveller,
  index: ScreeningIndex,
  thresholds: ScreeningThresholds = DEFAULT_SCREENING_THRESHOLDS,
): ScreeningMatch[] {
  const tokens = travellerNameTokens(traveller);
  const travellerWords = wordListOf(tokens);
  const documentKey = documentKeyOf(traveller);
  const compare = travellerComparer(index);
  const matches: ScreeningMatch[] = [];
  const names = findCandidateNames(index, tokens, documentKey);
  // Names come entry by entry: each entry is judged on its best candidate name.
  for (let at = 0; at < names.length; ) {
    const owner = index.nameOwners[names[at] as number] as number;
    let best = -1;
    let similarity = -1;
    for (; at < names.length && index.nameOwners[names[at] as number] === owner; at++) {
      const name = names[at] as number;
      const value = tokens.length === 0 ? 0 : nameSimilarity(index, tokens, travellerWords, name, compare);
      if (value > similarity) [best, similarity] = [name, value];
    }
    // Names first and cheaply: most candidates stop here, before any explanation is built.
    const entry = index.entries[owner] as IndexedEntry;
    if (similarity < thresholds.minNameSimilarity) {
      if (similarity < thresholds.minNameSimilarity - NAME_ALLOWANCE_WITH_DOCUMENT) continue;
      const allowance = listsDocument(entry, documentKey)
        ? NAME_ALLOWANCE_WITH_DOCUMENT
        : assessDateOfBirth(traveller.dateOfBirth, entry.datesOfBirth).evidence === 'day'
          ? NAME_ALLOWANCE_WITH_BIRTH_DATE
          : 0;
      if (similarity < thresholds.minNameSimilarity - allowance) continue;
    }
    const name = tokens.length === 0 ? null : { form: index.names[best] as NameForm, similarity };
    const score = scorePair(traveller, documentKey, entry, name);
    if (score < thresholds.minScore) continue;
    matches.push({
      entryId: entry.id,
      entryVersion: entry.version,
      score,
      explanation: explainMatch(traveller, tokens, entry, name, compare),
      matchedName: name?.form.label ?? '',
    });
  }
  return matches.sort((a, b) => b.score - a.score || (a.entryId < b.entryId ? -1 : a.entryId > b.entryId ? 1 : 0));
}
