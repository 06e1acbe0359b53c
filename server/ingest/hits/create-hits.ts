import 'server-only';
import { storedExplanation } from '@/lib/hits/stored-explanation';
import type { FieldExplanation } from '@/lib/schemas/hit-detail';
import type { TravellerInput } from '@/lib/schemas/ingest';
import type { Tx } from '@/server/db';
import { hitPriority, REVIEW_DEADLINE_MS } from '@/server/hits/hit-priority';
import { suppressedPairs } from '@/server/hits/suppression';
import { insertRows, uuidV7, type RowColumn } from '../insert-rows';

export interface HitCandidate {
  travellerId: string;
  traveller: TravellerInput;
  entry: { id: string; version: number; sourceId: string; offenceCategory: string };
  score: number;
  explanation: FieldExplanation[];
}

export interface CreatedHit {
  id: string;
  candidate: HitCandidate;
}

// status (NEW) and version (1) are left to their defaults, as with createMany; updatedAt,
// which Prisma sets itself (@updatedAt), is set here.
const HIT_COLUMNS: readonly RowColumn[] = [
  ['id', 'uuid'], ['travellerId', 'uuid'], ['entryId', 'uuid'], ['entryVersion', 'integer'], ['screeningBatchId', 'uuid'], ['sourceId', 'uuid'],
  ['offenceCategory', 'text'], ['flightDate', 'date'], ['score', 'double precision'], ['explanation', 'jsonb'], ['priority', 'integer'],
  ['dueAt', 'timestamptz'], ['createdAt', 'timestamptz'], ['updatedAt', 'timestamptz'],
];
const HIT_EVENT_COLUMNS: readonly RowColumn[] = [['id', 'uuid'], ['hitId', 'uuid'], ['type', '"HitEventType"'], ['toStatus', '"HitStatus"'], ['at', 'timestamptz'], ['data', 'jsonb']];

/**
 * Creates NEW hits for the candidates in the caller's transaction, with their CREATED
 * history, except where the cleared-hit memory applies: the same identity was cleared
 * against the same entry version and the data it rests on have not expired. Every hit
 * gets the 12-hour review deadline; none is decided by a machine.
 */
export async function createHits(tx: Tx, candidates: readonly HitCandidate[], screeningBatchId: string, now = new Date()): Promise<{ created: CreatedHit[]; suppressed: number }> {
  const silent = await suppressedPairs(
    tx,
    candidates.map((candidate) => ({
      identity: {
        familyName: candidate.traveller.familyName ?? null,
        givenNames: candidate.traveller.givenNames ?? null,
        dateOfBirth: candidate.traveller.dateOfBirth ?? null,
        documentNumber: candidate.traveller.documentNumber ?? null,
      },
      entry: candidate.entry,
    })),
    now,
  );
  // Time-ordered ids (UUID version 7, Prisma's default for the table): the batch lands at the
  // right-hand edge of the primary key and of HitEvent's (hitId, at), not on random pages.
  const created: CreatedHit[] = candidates.filter((_, i) => !silent[i]).map((candidate) => ({ id: uuidV7(now.getTime()), candidate }));
  const dueAt = new Date(now.getTime() + REVIEW_DEADLINE_MS);
  const hits = created.map(({ id, candidate }) => ({
    id,
    travellerId: candidate.travellerId,
    entryId: candidate.entry.id,
    entryVersion: candidate.entry.version,
    screeningBatchId,
    sourceId: candidate.entry.sourceId,
    offenceCategory: candidate.entry.offenceCategory,
    flightDate: candidate.traveller.flightDate,
    score: candidate.score,
    // Without the traveller's values: they are read from the traveller row when shown.
    explanation: storedExplanation(candidate.explanation),
    priority: hitPriority(candidate.score, candidate.entry.offenceCategory, candidate.explanation),
    dueAt,
    createdAt: now,
    updatedAt: now,
  }));
  await insertRows(tx, 'Hit', HIT_COLUMNS, hits);
  await insertRows(tx, 'HitEvent', HIT_EVENT_COLUMNS, hits.map((hit) => ({ id: uuidV7(now.getTime()), hitId: hit.id, type: 'CREATED', toStatus: 'NEW', at: now, data: { score: hit.score, screeningBatchId } })));
  return { created, suppressed: candidates.length - created.length };
}
