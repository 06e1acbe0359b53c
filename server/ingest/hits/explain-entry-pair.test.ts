import assert from 'node:assert/strict';
import { test } from 'node:test';
import { explainPair } from '@/server/screening/explain-pair';
import { buildLabelledSet } from '@/server/screening/labelled-set';
import type { ScreeningEntry, ScreeningTraveller } from '@/server/screening/screening-types';
import { sdnEntries } from '@/server/screening/sdn-list.test-helper';
import { explainEntryPair } from './explain-entry-pair';

/** Travellers of the SDN labelled set, each with the entry it is (positives) or another one (negatives); 300 pairs. */
function labelledSetTravellers(): { traveller: ScreeningTraveller; entry: ScreeningEntry }[] {
  const entries = sdnEntries();
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  const individuals = entries.filter((entry) => entry.type === 'INDIVIDUAL');
  return buildLabelledSet(entries, { positives: 200, negatives: 100 }).map((item, i) => ({
    traveller: item.traveller,
    entry: (item.expectedEntryId ? byId.get(item.expectedEntryId) : undefined) ?? (individuals[(i * 7919) % individuals.length] as ScreeningEntry),
  }));
}

test('explainEntryPair explains every pair exactly as explainPair, also when the entry was prepared before', () => {
  const pairs = labelledSetTravellers();
  for (const round of [1, 2]) {
    for (const { traveller, entry } of pairs) {
      assert.deepEqual(explainEntryPair(traveller, entry), explainPair(traveller, entry), `round ${round}: ${traveller.familyName}, ${traveller.givenNames} against ${entry.id}`);
    }
  }
});

test('a new version of an entry is prepared afresh', () => {
  const pair = labelledSetTravellers().find(({ entry }) => entry.aliases.length > 0);
  assert.ok(pair);
  const { traveller, entry } = pair;
  explainEntryPair(traveller, entry);
  const renamed = { ...entry, version: entry.version + 1, primaryName: 'SOMEONE ELSE ENTIRELY', familyName: 'ELSE', givenNames: 'SOMEONE', aliases: [] };
  assert.deepEqual(explainEntryPair(traveller, renamed), explainPair(traveller, renamed));
});
