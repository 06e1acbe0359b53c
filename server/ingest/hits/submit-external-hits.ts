import 'server-only';
import type { ExternalHitsRequest, ScreeningBatchView, TravellerInput } from '@/lib/schemas/ingest';
import { recordAccessEvents } from '@/server/access-log/record';
import type { Caller } from '@/server/auth/caller';
import { requirePermission } from '@/server/auth/require-permission';
import type { Tx } from '@/server/db';
import { ValidationError, type InputIssue } from '@/server/errors';
import { explainEntryPair } from './explain-entry-pair';
import { requestFingerprint, withIdempotency, type IngestAnswer } from '../idempotency';
import { toScreeningBatchView } from '../screenings/screening-batch-view';
import { storeTravellers } from '../travellers/store-travellers';
import { createHits, type HitCandidate } from './create-hits';

const PURPOSE = 'PNR art. 6(3)(a): hit from an external screening engine';

type EntryRow = ReturnType<typeof toEntry>;

/**
 * POST /api/v1/hits: hits another engine found, each with its traveller and a reference
 * to a listed entry, all or nothing. Travellers sent twice under the same externalRef
 * are stored once. The cleared-hit memory applies as to Proportio's own screening. The
 * engine's score is kept; the field-by-field explanation an analyst reads is Proportio's
 * own, so hits from every engine read the same way.
 */
export async function submitExternalHits(caller: Caller, request: ExternalHitsRequest, idempotencyKey: string | null): Promise<IngestAnswer<ScreeningBatchView>> {
  await requirePermission(caller, 'hits.write', { type: 'hit-submission' });
  return withIdempotency(caller, idempotencyKey, () => requestFingerprint('hits', request), 201, async (tx) => {
    const now = new Date();
    const entries = await findEntries(tx, request);
    // One stored traveller per externalRef (or per hit without one).
    const travellerSlot = new Map<string, number>();
    const travellers: TravellerInput[] = [];
    const slotOfHit = request.hits.map((hit, i) => {
      const key = hit.traveller.externalRef ? `ref:${hit.traveller.externalRef}` : `hit:${i}`;
      let slot = travellerSlot.get(key);
      if (slot === undefined) {
        slot = travellers.push(hit.traveller) - 1;
        travellerSlot.set(key, slot);
      }
      return slot;
    });
    const batch = await tx.screeningBatch.create({
      data: {
        kind: 'EXTERNAL',
        day: new Date(`${now.toISOString().slice(0, 10)}T00:00:00Z`),
        travellersScreened: request.travellersScreened ?? travellers.length,
        externalRef: request.externalRef ?? null,
        submittedBy: caller.actorLabel,
        startedAt: now,
      },
      select: { id: true },
    });
    const { stored, events: collection } = await storeTravellers(tx, travellers, batch.id, 'Hits received from an external screening engine');
    const candidates: HitCandidate[] = request.hits.map((hit, i) => {
      const traveller = stored[slotOfHit[i] as number];
      const entry = entries.get(entryKey(hit.entry)) as EntryRow;
      if (!traveller) throw new Error('a hit lost its traveller');
      const screened = { familyName: traveller.traveller.familyName ?? null, givenNames: traveller.traveller.givenNames ?? null, dateOfBirth: traveller.traveller.dateOfBirth ?? null, nationality: traveller.traveller.nationality ?? null, documentNumber: traveller.traveller.documentNumber ?? null };
      return { travellerId: traveller.id, traveller: traveller.traveller, entry, score: hit.score, explanation: explainEntryPair(screened, entry.screening) };
    });
    const { created, suppressed } = await createHits(tx, candidates, batch.id, now);
    // One append for the request: the travellers' COLLECTION (and ERASURE) events, then each hit's COMBINATION.
    await recordAccessEvents(tx, caller, [
      ...collection,
      ...created.map(({ id, candidate }) => ({
        operation: 'COMBINATION' as const,
        resourceType: 'hit',
        resourceId: id,
        travellerId: candidate.travellerId,
        purpose: PURPOSE,
        details: { screeningBatchId: batch.id, entryId: candidate.entry.id, entryVersion: candidate.entry.version, score: candidate.score },
      })),
    ]);
    const finished = await tx.screeningBatch.update({
      where: { id: batch.id },
      data: { finishedAt: new Date(), hitsCreated: created.length, hitsSuppressed: suppressed, sensitiveValuesDeleted: stored.reduce((sum, t) => sum + t.findings.length, 0) },
    });
    const hitIndex = new Map(candidates.map((candidate, i) => [candidate, i]));
    return {
      ...toScreeningBatchView(finished),
      travellers: stored.map(({ index, id, externalRef }) => ({ index, id, externalRef })),
      hits: created.map(({ id, candidate }) => {
        const i = hitIndex.get(candidate) as number;
        return { id, travellerIndex: slotOfHit[i] as number, entry: request.hits[i]?.entry as { source: string; externalId: string }, score: candidate.score };
      }),
    };
  });
}

const entryKey = (ref: { source: string; externalId: string }) => `${ref.source}\u0000${ref.externalId}`;

/** The referenced entries, one query per list; any unknown one is a 400 naming every hit that cites it. */
async function findEntries(tx: Tx, request: ExternalHitsRequest) {
  const bySource = new Map<string, Set<string>>();
  for (const { entry } of request.hits) bySource.set(entry.source, (bySource.get(entry.source) ?? new Set()).add(entry.externalId));
  const sources = await tx.watchlistSource.findMany({ where: { code: { in: [...bySource.keys()] }, active: true }, select: { id: true, code: true } });
  const found = new Map<string, ReturnType<typeof toEntry>>();
  for (const source of sources) {
    const rows = await tx.watchlistEntry.findMany({
      where: { sourceId: source.id, externalId: { in: [...(bySource.get(source.code) ?? [])] } },
      select: { id: true, version: true, externalId: true, type: true, primaryName: true, familyName: true, givenNames: true, aliases: true, datesOfBirth: true, nationalities: true, documents: true, offenceCategory: true },
    });
    for (const row of rows) found.set(entryKey({ source: source.code, externalId: row.externalId }), toEntry(source.id, row));
  }
  const issues: InputIssue[] = request.hits.flatMap((hit, i) =>
    found.has(entryKey(hit.entry)) ? [] : [{ path: `hits.${i}.entry`, message: `There is no entry "${hit.entry.externalId}" in an active watchlist source "${hit.entry.source}".` }],
  );
  if (issues.length > 0) throw new ValidationError('Some hits name entries Proportio does not hold; nothing was stored.', { hits: issues[0]?.message ?? '' }, issues.slice(0, 100));
  return found;
}

function toEntry(sourceId: string, row: { id: string; version: number; externalId: string; type: 'INDIVIDUAL' | 'ENTITY' | 'VESSEL' | 'AIRCRAFT'; primaryName: string; familyName: string | null; givenNames: string | null; aliases: unknown; datesOfBirth: unknown; nationalities: string[]; documents: unknown; offenceCategory: string }) {
  return {
    id: row.id,
    version: row.version,
    sourceId,
    offenceCategory: row.offenceCategory,
    screening: {
      id: row.id,
      version: row.version,
      type: row.type,
      primaryName: row.primaryName,
      familyName: row.familyName,
      givenNames: row.givenNames,
      aliases: row.aliases as { name: string; quality?: 'strong' | 'weak' }[],
      datesOfBirth: row.datesOfBirth as { value: string; precision: 'DAY' | 'MONTH' | 'YEAR'; to?: string }[],
      nationalities: row.nationalities,
      documents: row.documents as { number: string; type?: string; country?: string | null }[],
    },
  };
}
