import 'server-only';
import { randomUUID } from 'node:crypto';
import type { Prisma } from '@/generated/prisma/client';
import type { FieldExplanation } from '@/lib/schemas/hit-detail';
import type { TravellerInput } from '@/lib/schemas/ingest';
import type { Tx } from '@/server/db';
import { hitPriority, REVIEW_DEADLINE_MS } from '@/server/hits/hit-priority';
import { suppressedPairs } from '@/server/hits/suppression';

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

const CHUNK = 1000;

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
  const created: CreatedHit[] = candidates.filter((_, i) => !silent[i]).map((candidate) => ({ id: randomUUID(), candidate }));
  const hits: Prisma.HitCreateManyInput[] = created.map(({ id, candidate }) => ({
    id,
    travellerId: candidate.travellerId,
    entryId: candidate.entry.id,
    entryVersion: candidate.entry.version,
    screeningBatchId,
    sourceId: candidate.entry.sourceId,
    offenceCategory: candidate.entry.offenceCategory,
    flightDate: new Date(`${candidate.traveller.flightDate}T00:00:00Z`),
    score: candidate.score,
    explanation: candidate.explanation.map((item) => ({ ...item })),
    priority: hitPriority(candidate.score, candidate.entry.offenceCategory, candidate.explanation),
    dueAt: new Date(now.getTime() + REVIEW_DEADLINE_MS),
    createdAt: now,
  }));
  for (let i = 0; i < hits.length; i += CHUNK) {
    const chunk = hits.slice(i, i + CHUNK);
    await tx.hit.createMany({ data: chunk });
    await tx.hitEvent.createMany({ data: chunk.map((hit) => ({ hitId: hit.id as string, type: 'CREATED' as const, toStatus: 'NEW' as const, at: now, data: { score: hit.score, screeningBatchId } })) });
  }
  return { created, suppressed: candidates.length - created.length };
}
