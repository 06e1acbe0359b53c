import 'server-only';
import type { Tx } from '@/server/db';
import { ValidationError } from '@/server/errors';
import { entryContentHash, type EntryContent } from './entry-content';

export interface EntryCounts {
  created: number;
  /** Entries whose listed data changed: each got a new version. */
  changed: number;
  unchanged: number;
  /** Entries of the list missing from a full import, marked expired (no longer listed). */
  delisted: number;
}

const CHUNK = 1000;

/**
 * Writes a batch of entries into one list inside the caller's transaction: new ones are
 * created at version 1, changed ones (by content hash) updated with version + 1, equal
 * ones left alone. Set-based (one read of the list, chunked inserts, one UPDATE per
 * chunk), so a whole SDN file goes in seconds. With `delistMissing`, entries of the list
 * absent from the batch expire now: a full file says who is no longer listed.
 */
export async function upsertEntries(tx: Tx, sourceId: string, entries: readonly EntryContent[], options: { delistMissing?: boolean; now?: Date } = {}): Promise<EntryCounts> {
  const now = options.now ?? new Date();
  const seen = new Set<string>();
  const duplicates = new Set(entries.map((entry) => entry.externalId).filter((id) => seen.has(id) || !seen.add(id)));
  if (duplicates.size > 0) {
    throw new ValidationError(`An entry may appear once per request; repeated: ${[...duplicates].slice(0, 10).join(', ')}.`);
  }
  const existing = new Map(
    (await tx.watchlistEntry.findMany({ where: { sourceId }, select: { id: true, externalId: true, contentHash: true, expiresAt: true } })).map((row) => [row.externalId, row]),
  );
  const created: (EntryContent & { contentHash: string })[] = [];
  const changed: { id: string; entry: EntryContent; contentHash: string; newVersion: boolean }[] = [];
  let unchanged = 0;
  for (const entry of entries) {
    const contentHash = entryContentHash(entry);
    const row = existing.get(entry.externalId);
    if (!row) created.push({ ...entry, contentHash });
    else if (row.contentHash !== contentHash) changed.push({ id: row.id, entry, contentHash, newVersion: true });
    else {
      unchanged += 1;
      // Same listed data, new expiry (relisted, or a date set by the list): no new version.
      if ((row.expiresAt?.getTime() ?? null) !== (entry.expiresAt?.getTime() ?? null)) changed.push({ id: row.id, entry, contentHash, newVersion: false });
    }
  }
  for (let i = 0; i < created.length; i += CHUNK) {
    await tx.watchlistEntry.createMany({ data: created.slice(i, i + CHUNK).map((entry) => ({ ...entry, sourceId })) });
  }
  for (let i = 0; i < changed.length; i += CHUNK) await updateChunk(tx, changed.slice(i, i + CHUNK));
  let delisted = 0;
  if (options.delistMissing) {
    const listed = entries.map((entry) => entry.externalId);
    delisted = await tx.$executeRaw`
      UPDATE "WatchlistEntry" SET "expiresAt" = ${now}, "updatedAt" = ${now}
      WHERE "sourceId" = ${sourceId}::uuid AND NOT ("externalId" = ANY (${listed}::text[])) AND ("expiresAt" IS NULL OR "expiresAt" > ${now})`;
  }
  return { created: created.length, changed: changed.filter((c) => c.newVersion).length, unchanged, delisted };
}

// One statement per chunk: the new content travels as a JSON array and is joined by id.
async function updateChunk(tx: Tx, rows: readonly { id: string; entry: EntryContent; contentHash: string; newVersion: boolean }[]): Promise<void> {
  const payload = rows.map(({ id, entry, contentHash, newVersion }) => ({ ...entry, id, contentHash, bump: newVersion ? 1 : 0, expiresAt: entry.expiresAt?.toISOString() ?? null }));
  await tx.$executeRaw`
    UPDATE "WatchlistEntry" e SET
      version = e.version + v.bump,
      type = v.type::"EntryType",
      "primaryName" = v."primaryName",
      "familyName" = v."familyName",
      "givenNames" = v."givenNames",
      aliases = v.aliases,
      "datesOfBirth" = v."datesOfBirth",
      nationalities = v.nationalities,
      documents = v.documents,
      programs = v.programs,
      "offenceCategory" = v."offenceCategory",
      "legalBasis" = v."legalBasis",
      remarks = v.remarks,
      "expiresAt" = v."expiresAt",
      "contentHash" = v."contentHash",
      "updatedAt" = now()
    FROM jsonb_to_recordset(${JSON.stringify(payload)}::jsonb) AS v(
      id uuid, bump int, type text, "primaryName" text, "familyName" text, "givenNames" text, aliases jsonb, "datesOfBirth" jsonb,
      nationalities text[], documents jsonb, programs text[], "offenceCategory" text, "legalBasis" text, remarks text,
      "expiresAt" timestamptz, "contentHash" text)
    WHERE e.id = v.id`;
}
