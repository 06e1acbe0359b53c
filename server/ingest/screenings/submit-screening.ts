import 'server-only';
import type { ScreeningBatchView, ScreeningRequest } from '@/lib/schemas/ingest';
import { recordAccessEvents } from '@/server/access-log/record';
import type { Caller } from '@/server/auth/caller';
import { requirePermission } from '@/server/auth/require-permission';
import type { Tx } from '@/server/db';
import { ValidationError } from '@/server/errors';
import { DEFAULT_SCREENING_THRESHOLDS } from '@/server/screening/screening-thresholds';
import { screenTraveller } from '@/server/screening/screen-traveller';
import { createHits, type HitCandidate } from '../hits/create-hits';
import { requestFingerprint, withIdempotency, type IngestAnswer } from '../idempotency';
import { storeTravellers } from '../travellers/store-travellers';
import { toScreeningBatchView } from './screening-batch-view';
import { sourceIndex } from './screening-index-cache';

const PURPOSE = 'PNR art. 6(3)(a): comparison against relevant databases';

/**
 * POST /api/v1/screenings: a batch of travellers, all or nothing. They are stored
 * (collection), screened by the built-in engine against the chosen active lists, each
 * with its own threshold (combination), and every match becomes a hit for a person to
 * review unless the cleared-hit memory applies. A ScreeningBatch records the counts
 * the proportionality metrics divide by.
 */
export async function submitScreening(caller: Caller, request: ScreeningRequest, idempotencyKey: string | null): Promise<IngestAnswer<ScreeningBatchView>> {
  await requirePermission(caller, 'travellers.write', { type: 'screening' });
  return withIdempotency(caller, idempotencyKey, () => requestFingerprint('screenings', request), 201, async (tx) => {
    const now = new Date();
    const sources = await chosenSources(tx, request.sources);
    // One after the other: a transaction's queries share its connection (node-postgres deprecates queuing them).
    const indexes: { source: (typeof sources)[number]; cached: Awaited<ReturnType<typeof sourceIndex>> }[] = [];
    for (const source of sources) indexes.push({ source, cached: await sourceIndex(tx, source.id) });
    const batch = await tx.screeningBatch.create({
      data: {
        kind: 'SCREENING',
        sourceId: sources.length === 1 ? sources[0]?.id : null,
        day: new Date(`${now.toISOString().slice(0, 10)}T00:00:00Z`),
        travellersScreened: request.travellers.length,
        externalRef: request.externalRef ?? null,
        submittedBy: caller.actorLabel,
        status: 'RUNNING',
        startedAt: now,
      },
      select: { id: true },
    });
    const { stored, events: collection } = await storeTravellers(tx, request.travellers, batch.id, 'Travellers received for screening');
    const candidates: HitCandidate[] = [];
    for (const { id, traveller } of stored) {
      const screened = { familyName: traveller.familyName ?? null, givenNames: traveller.givenNames ?? null, dateOfBirth: traveller.dateOfBirth ?? null, nationality: traveller.nationality ?? null, documentNumber: traveller.documentNumber ?? null };
      for (const { source, cached } of indexes) {
        const thresholds = source.matchThreshold === null ? DEFAULT_SCREENING_THRESHOLDS : { ...DEFAULT_SCREENING_THRESHOLDS, minScore: source.matchThreshold };
        for (const match of screenTraveller(screened, cached.index, thresholds)) {
          const entry = cached.entries.get(match.entryId);
          if (!entry || (entry.expiresAt && entry.expiresAt <= now)) continue;
          candidates.push({ travellerId: id, traveller, entry: { ...entry, sourceId: source.id }, score: match.score, explanation: match.explanation });
        }
      }
    }
    const { created, suppressed } = await createHits(tx, candidates, batch.id, now);
    const hitsOf = new Map<string, string[]>();
    for (const hit of created) {
      const list = hitsOf.get(hit.candidate.travellerId);
      if (list) list.push(hit.id);
      else hitsOf.set(hit.candidate.travellerId, [hit.id]);
    }
    // One append for the request: each traveller's COLLECTION (and ERASURE) events, then its COMBINATION.
    await recordAccessEvents(tx, caller, [
      ...collection,
      ...stored.map(({ id }) => ({
        operation: 'COMBINATION' as const,
        resourceType: 'traveller',
        resourceId: id,
        travellerId: id,
        purpose: PURPOSE,
        details: { screeningBatchId: batch.id, sources: sources.map((source) => source.code), hits: hitsOf.get(id) ?? [] },
      })),
    ]);
    const finished = await tx.screeningBatch.update({
      where: { id: batch.id },
      data: { status: 'COMPLETED', finishedAt: new Date(), hitsCreated: created.length, hitsSuppressed: suppressed, sensitiveValuesDeleted: stored.reduce((sum, t) => sum + t.findings.length, 0) },
    });
    const indexOf = new Map(stored.map((traveller) => [traveller.id, traveller.index]));
    const entryRef = new Map(indexes.flatMap(({ source, cached }) => [...cached.entries.values()].map((entry) => [entry.id, { source: source.code, externalId: entry.externalId }] as const)));
    return {
      ...toScreeningBatchView(finished),
      travellers: stored.map(({ index, id, externalRef }) => ({ index, id, externalRef })),
      hits: created.map(({ id, candidate }) => ({
        id,
        travellerIndex: indexOf.get(candidate.travellerId) ?? -1,
        entry: entryRef.get(candidate.entry.id) ?? { source: '', externalId: '' },
        score: candidate.score,
      })),
    };
  });
}

/** The active sources asked for (all when none named); an unknown code is a 400 naming its position. */
async function chosenSources(tx: Tx, codes: readonly string[] | undefined) {
  const active = await tx.watchlistSource.findMany({ where: { active: true }, select: { id: true, code: true, matchThreshold: true }, orderBy: { code: 'asc' } });
  if (!codes) {
    if (active.length === 0) throw new ValidationError('There is no active watchlist to screen against.');
    return active;
  }
  const byCode = new Map(active.map((source) => [source.code, source]));
  const unknown = codes.map((code, i) => ({ code, i })).filter(({ code }) => !byCode.has(code));
  if (unknown.length > 0) {
    throw new ValidationError('Some fields need your attention.', { sources: 'Unknown or inactive watchlist source.' }, unknown.map(({ code, i }) => ({ path: `sources.${i}`, message: `There is no active watchlist source "${code}".` })));
  }
  return [...new Set(codes)].map((code) => byCode.get(code) as (typeof active)[number]);
}
