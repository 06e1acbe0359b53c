import 'server-only';
import type { z } from 'zod';
import type { watchlistEntriesRequestSchema } from '@/lib/schemas/ingest';
import { recordAccessEvent } from '@/server/access-log/record';
import type { Caller } from '@/server/auth/caller';
import { requirePermission } from '@/server/auth/require-permission';
import { requestFingerprint, withIdempotency, type IngestAnswer } from '../idempotency';
import type { EntryContent } from './entry-content';
import { findActiveSource } from './find-source';
import { upsertEntries, type EntryCounts } from './upsert-entries';

export type EntriesResult = EntryCounts & { source: string; received: number };

/**
 * POST /api/v1/watchlists/{source}/entries: a batch upsert, all or nothing. A changed
 * entry gets a new version. Receiving a list's entries is a collection (LED art. 25): one
 * event for the batch, naming the source and the counts, not one per listed person.
 */
export async function ingestWatchlistEntries(
  caller: Caller,
  sourceCode: string,
  request: z.infer<typeof watchlistEntriesRequestSchema>,
  idempotencyKey: string | null,
): Promise<IngestAnswer<EntriesResult>> {
  await requirePermission(caller, 'watchlists.write', { type: 'watchlist', id: sourceCode });
  const fingerprint = requestFingerprint(`watchlists/${sourceCode}/entries`, request);
  return withIdempotency(caller, idempotencyKey, fingerprint, 200, async (tx) => {
    const source = await findActiveSource(tx, sourceCode);
    const entries: EntryContent[] = request.entries.map((entry) => ({
      ...entry,
      familyName: entry.familyName ?? null,
      givenNames: entry.givenNames ?? null,
      aliases: entry.aliases.map((alias) => ({ ...alias })),
      datesOfBirth: entry.datesOfBirth.map((dob) => ({ ...dob })),
      documents: entry.documents.map((document) => ({ ...document, country: document.country ?? null })),
      legalBasis: entry.legalBasis ?? source.defaultLegalBasis,
      remarks: entry.remarks ?? null,
      expiresAt: entry.expiresAt ? new Date(entry.expiresAt) : null,
    }));
    const counts = await upsertEntries(tx, source.id, entries);
    await tx.watchlistSource.update({ where: { id: source.id }, data: { lastImportedAt: new Date() } });
    await recordAccessEvent(tx, caller, {
      operation: 'COLLECTION',
      resourceType: 'watchlist',
      resourceId: source.code,
      purpose: 'Watchlist entries received',
      details: { ...counts, received: entries.length },
    });
    return { source: source.code, received: entries.length, ...counts };
  });
}
