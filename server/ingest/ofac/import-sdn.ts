import 'server-only';
import { recordAccessEvent } from '@/server/access-log/record';
import type { Caller } from '@/server/auth/caller';
import { requirePermission } from '@/server/auth/require-permission';
import { ValidationError } from '@/server/errors';
import { requestFingerprint, withIdempotency, type IngestAnswer } from '../idempotency';
import { findActiveSource } from '../watchlists/find-source';
import { upsertEntries, type EntryCounts } from '../watchlists/upsert-entries';
import { parseSdnCsv, type SdnIssue } from './parse-sdn';
import { sdnEntryContent } from './sdn-entry-content';

export interface SdnImportResult extends EntryCounts {
  source: string;
  /** Rows read as entries (imported, changed or unchanged). */
  rows: number;
  /** Rows not imported, each with its line number and why; the rest were imported. */
  errors: SdnIssue[];
  /** Facts inside imported rows that could not be read (they stay in the remarks). */
  warnings: number;
  /** Whether entries missing from the file were delisted: only a file read without errors says who is no longer listed. */
  delistingApplied: boolean;
}

const MAX_ERRORS_REPORTED = 500;

/**
 * Imports OFAC's `sdn.csv` as published into one list. Per-row results: a malformed row
 * is reported with its line number and skipped, the rest commit together. Entries absent
 * from a file with no bad rows are delisted (they expire now); with bad rows nothing is
 * delisted, because a row that could not be read may be one that is still listed.
 */
export async function importSdnFile(caller: Caller, sourceCode: string, csv: string, idempotencyKey: string | null): Promise<IngestAnswer<SdnImportResult>> {
  await requirePermission(caller, 'watchlists.write', { type: 'watchlist', id: sourceCode });
  const parsed = parseSdnCsv(csv);
  if (parsed.entries.length === 0) {
    throw new ValidationError(
      parsed.errors.length > 0
        ? `No row of the file could be read as an SDN entry (first problem, line ${parsed.errors[0]?.line}: ${parsed.errors[0]?.reason}).`
        : 'The file is empty.',
    );
  }
  const fingerprint = requestFingerprint(`watchlists/${sourceCode}/import`, csv);
  return withIdempotency(caller, idempotencyKey, fingerprint, 200, async (tx) => {
    const source = await findActiveSource(tx, sourceCode);
    const delistingApplied = parsed.errors.length === 0;
    const counts = await upsertEntries(tx, source.id, sdnEntryContent(parsed.entries, source.defaultLegalBasis), { delistMissing: delistingApplied });
    await tx.watchlistSource.update({ where: { id: source.id }, data: { lastImportedAt: new Date() } });
    const result: SdnImportResult = {
      source: source.code,
      rows: parsed.entries.length,
      ...counts,
      errors: parsed.errors.slice(0, MAX_ERRORS_REPORTED),
      warnings: parsed.warnings.length,
      delistingApplied,
    };
    await recordAccessEvent(tx, caller, {
      operation: 'COLLECTION',
      resourceType: 'watchlist',
      resourceId: source.code,
      purpose: 'Watchlist import (OFAC sdn.csv)',
      details: { ...counts, rows: result.rows, errors: parsed.errors.length, warnings: result.warnings, delistingApplied },
    });
    return result;
  });
}
