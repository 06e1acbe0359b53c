import 'server-only';
import type { FieldExplanation } from '@/lib/schemas/hit-detail';
import { bestNameMatch } from './compare-names';
import { explainMatch, travellerNameTokens } from './compare-pair';
import { comparableEntry } from './indexed-entry';
import type { ScreeningEntry, ScreeningTraveller } from './screening-types';

/**
 * The engine's five-field explanation of any traveller/entry pair, whether or not it
 * would match: for hits another engine found, so that every hit reads the same way.
 */
export function explainPair(traveller: ScreeningTraveller, entry: ScreeningEntry): FieldExplanation[] {
  const tokens = travellerNameTokens(traveller);
  const comparable = comparableEntry(entry);
  return explainMatch(traveller, tokens, comparable, bestNameMatch(tokens, comparable));
}
