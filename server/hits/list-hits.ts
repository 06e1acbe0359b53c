import 'server-only';
import type { HitStatus } from '@/generated/prisma/enums';
import { maskName } from '@/lib/mask';
import { recordAccessEvents } from '@/server/access-log/record';
import type { Caller } from '@/server/auth/caller';
import { requirePermission } from '@/server/auth/require-permission';
import { db } from '@/server/db';

export const OPEN_STATUSES: HitStatus[] = ['NEW', 'IN_REVIEW', 'ESCALATION_PENDING'];

// What a queue row may show: the traveller masked, never a full name or document.
export interface HitListItem {
  id: string;
  travellerName: string;
  nationality: string | null;
  yearOfBirth: number | null;
  score: number;
  priority: number;
  sourceCode: string;
  sourceName: string;
  offenceCategory: string;
  status: HitStatus;
  assigneeName: string | null;
  flightNumber: string;
  flightDate: string;
  createdAt: string;
  dueAt: string;
}

/**
 * The open hits, most urgent first, masked. Records one CONSULTATION event per hit
 * shown, in the same transaction as the read, so the per-person report finds every
 * list view that displayed a person.
 */
export async function listHits(caller: Caller, options: { limit?: number } = {}): Promise<HitListItem[]> {
  await requirePermission(caller, 'hits.list', { type: 'hit-list' });
  const limit = Math.min(Math.max(options.limit ?? 50, 1), 200);
  return db().$transaction(async (tx) => {
    const hits = await tx.hit.findMany({
      where: { status: { in: OPEN_STATUSES } },
      orderBy: [{ dueAt: 'asc' }, { id: 'asc' }],
      take: limit,
      select: {
        id: true,
        travellerId: true,
        score: true,
        priority: true,
        offenceCategory: true,
        status: true,
        flightDate: true,
        createdAt: true,
        dueAt: true,
        assignee: { select: { name: true } },
        source: { select: { code: true, name: true } },
        traveller: {
          select: { givenNames: true, familyName: true, nationality: true, yearOfBirth: true, flightNumber: true },
        },
      },
    });
    await recordAccessEvents(
      tx,
      caller,
      hits.map((hit) => ({
        operation: 'CONSULTATION' as const,
        resourceType: 'hit',
        resourceId: hit.id,
        travellerId: hit.travellerId,
        purpose: 'Hit queue review',
        details: { view: 'hit-list', fields: ['name:masked', 'nationality', 'yearOfBirth', 'flight'] },
      })),
    );
    return hits.map((hit) => ({
      id: hit.id,
      travellerName: maskName(hit.traveller.givenNames, hit.traveller.familyName),
      nationality: hit.traveller.nationality,
      yearOfBirth: hit.traveller.yearOfBirth,
      score: hit.score,
      priority: hit.priority,
      sourceCode: hit.source.code,
      sourceName: hit.source.name,
      offenceCategory: hit.offenceCategory,
      status: hit.status,
      assigneeName: hit.assignee?.name ?? null,
      flightNumber: hit.traveller.flightNumber,
      flightDate: hit.flightDate.toISOString().slice(0, 10),
      createdAt: hit.createdAt.toISOString(),
      dueAt: hit.dueAt.toISOString(),
    }));
  });
}
