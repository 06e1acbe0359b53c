import 'server-only';
import { buildScreeningIndex, type ScreeningIndex } from '@/server/screening/screening-index';
import type { ScreeningDateOfBirth, ScreeningEntry } from '@/server/screening/screening-types';
import type { Tx } from '@/server/db';

export interface ListedEntry {
  id: string;
  version: number;
  externalId: string;
  offenceCategory: string;
  expiresAt: Date | null;
}

export interface SourceIndex {
  sourceId: string;
  fingerprint: string;
  index: ScreeningIndex;
  entries: ReadonlyMap<string, ListedEntry>;
}

// Per process: building an index over the SDN list takes a moment; screening a batch
// against it takes milliseconds. A cheap fingerprint query per batch says whether the
// list changed since (count and last update of its entries).
const cache = new Map<string, SourceIndex>();
const building = new Map<string, Promise<SourceIndex>>();

/** The screening index of one watchlist source, rebuilt when its entries changed. */
export async function sourceIndex(tx: Tx, sourceId: string): Promise<SourceIndex> {
  const [row] = await tx.$queryRaw<{ fingerprint: string }[]>`
    SELECT count(*)::text || '/' || coalesce(max("updatedAt")::text, '') AS fingerprint
    FROM "WatchlistEntry" WHERE "sourceId" = ${sourceId}::uuid`;
  const fingerprint = row?.fingerprint ?? '';
  const cached = cache.get(sourceId);
  if (cached?.fingerprint === fingerprint) return cached;
  const key = `${sourceId}@${fingerprint}`;
  let pending = building.get(key);
  if (!pending) {
    pending = build(tx, sourceId, fingerprint).finally(() => building.delete(key));
    building.set(key, pending);
  }
  const built = await pending;
  cache.set(sourceId, built);
  return built;
}

async function build(tx: Tx, sourceId: string, fingerprint: string): Promise<SourceIndex> {
  // Expired entries stay out; one expiring after the build is dropped at match time (ListedEntry.expiresAt).
  const rows = await tx.watchlistEntry.findMany({
    where: { sourceId, type: 'INDIVIDUAL', OR: [{ expiresAt: null }, { expiresAt: { gt: new Date() } }] },
    select: { id: true, version: true, externalId: true, type: true, primaryName: true, familyName: true, givenNames: true, aliases: true, datesOfBirth: true, nationalities: true, documents: true, offenceCategory: true, expiresAt: true },
  });
  const entries: ScreeningEntry[] = rows.map((row) => ({
    id: row.id,
    version: row.version,
    type: row.type,
    primaryName: row.primaryName,
    familyName: row.familyName,
    givenNames: row.givenNames,
    aliases: row.aliases as unknown as ScreeningEntry['aliases'],
    datesOfBirth: row.datesOfBirth as unknown as ScreeningDateOfBirth[],
    nationalities: row.nationalities,
    documents: row.documents as unknown as ScreeningEntry['documents'],
  }));
  return {
    sourceId,
    fingerprint,
    index: buildScreeningIndex(entries),
    entries: new Map(rows.map((row) => [row.id, { id: row.id, version: row.version, externalId: row.externalId, offenceCategory: row.offenceCategory, expiresAt: row.expiresAt }])),
  };
}
