import 'server-only';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseSdnCsv } from '@/server/ingest/ofac/parse-sdn';
import { buildScreeningIndex, type ScreeningIndex } from './screening-index';
import type { ScreeningEntry, ScreeningTraveller } from './screening-types';
import { screeningEntryFromSdn } from './sdn-screening-entry';

// The real OFAC SDN list of 2024-05-03 for the tests, found as parse-sdn.test.ts finds it;
// read, parsed and indexed once per test file.
const SDN_PATH = path.resolve(process.cwd(), 'prisma/data/ofac-sdn-2024-05-03/sdn.csv');

let entries: ScreeningEntry[] | undefined;
let index: ScreeningIndex | undefined;

export function sdnEntries(): ScreeningEntry[] {
  entries ??= parseSdnCsv(readFileSync(SDN_PATH, 'utf8')).entries.map((entry) => screeningEntryFromSdn(entry));
  return entries;
}

export function sdnIndex(): ScreeningIndex {
  index ??= buildScreeningIndex(sdnEntries());
  return index;
}

/** The listed entry with this ent_num. */
export function sdnEntry(externalId: string): ScreeningEntry {
  const entry = sdnEntries().find((candidate) => candidate.id === externalId);
  assert.ok(entry, `ent_num ${externalId} is on the list`);
  return entry;
}

/** A traveller with only the given fields set. */
export function traveller(fields: Partial<ScreeningTraveller>): ScreeningTraveller {
  return { familyName: null, givenNames: null, dateOfBirth: null, nationality: null, documentNumber: null, ...fields };
}
