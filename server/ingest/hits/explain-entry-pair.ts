import 'server-only';
import type { FieldExplanation } from '@/lib/schemas/hit-detail';
import { bestNameMatch } from '@/server/screening/compare-names';
import { explainMatch, travellerNameTokens } from '@/server/screening/compare-pair';
import { comparableEntry, type IndexedEntry } from '@/server/screening/indexed-entry';
import type { ScreeningEntry, ScreeningTraveller } from '@/server/screening/screening-types';

// Preparing an entry for comparison (normalising every name and alias) costs more than the
// comparison itself, and an external engine names the same entries again and again. An
// entry version's content never changes (a change is a new version), so the prepared form
// is kept per id and version, for a bounded number of entries.
const MAX_ENTRIES = 50_000;
const prepared = new Map<string, IndexedEntry>();

/** explainPair() (server/screening/explain-pair.ts), with each entry version prepared once per process. */
export function explainEntryPair(traveller: ScreeningTraveller, entry: ScreeningEntry): FieldExplanation[] {
  const key = `${entry.id}:${entry.version}`;
  let comparable = prepared.get(key);
  if (!comparable) {
    if (prepared.size >= MAX_ENTRIES) prepared.clear();
    comparable = comparableEntry(entry);
    prepared.set(key, comparable);
  }
  const tokens = travellerNameTokens(traveller);
  return explainMatch(traveller, tokens, comparable, bestNameMatch(tokens, comparable));
}
