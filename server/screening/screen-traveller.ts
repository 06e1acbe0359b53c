import 'server-only';
import { bestNameMatch } from './compare-names';
import { documentKeyOf, explainMatch, scorePair, travellerNameTokens } from './compare-pair';
import type { IndexedEntry } from './indexed-entry';
import { findCandidates, travellerComparer, type ScreeningIndex } from './screening-index';
import { DEFAULT_SCREENING_THRESHOLDS, type ScreeningThresholds } from './screening-thresholds';
import type { ScreeningMatch, ScreeningTraveller } from './screening-types';

// The same document number is strong evidence of its own: the name may then be a little
// further off (another romanisation, a name changed since listing) and still match.
const NAME_ALLOWANCE_WITH_DOCUMENT = 0.15;

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
  const documentKey = documentKeyOf(traveller);
  const compare = travellerComparer(index);
  const matches: ScreeningMatch[] = [];
  for (const entry of findCandidates(index, tokens, documentKey)) {
    // Names first and cheaply: most candidates stop here, before any explanation is built.
    const name = bestNameMatch(tokens, entry, compare);
    const similarity = name?.similarity ?? 0;
    if (similarity < thresholds.minNameSimilarity) {
      if (similarity < thresholds.minNameSimilarity - NAME_ALLOWANCE_WITH_DOCUMENT || !listsDocument(entry, documentKey)) continue;
    }
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
