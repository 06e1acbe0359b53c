import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import type { EscalationSummary } from '@/lib/schemas/escalation';
import { recordAccessEvents } from '@/server/access-log/record';
import type { Caller } from '@/server/auth/caller';
import { requirePermission } from '@/server/auth/require-permission';
import { db } from '@/server/db';
import { escalationSummarySelect, toEscalationSummary } from './escalation-view';

export type EscalationListStatus = 'PENDING' | 'APPROVED' | 'REJECTED' | 'WITHDRAWN' | 'DECIDED' | 'ALL';

const LIMIT = 200;

/**
 * The supervisors' list: pending requests oldest first (the longest wait on top), others
 * newest first. Travellers masked; one CONSULTATION event per request shown.
 */
export async function listEscalations(caller: Caller, filter: { status: EscalationListStatus }): Promise<EscalationSummary[]> {
  await requirePermission(caller, 'escalations.list', { type: 'escalation-list' });
  const where: Prisma.EscalationWhereInput =
    filter.status === 'ALL' ? {} : filter.status === 'DECIDED' ? { status: { in: ['APPROVED', 'REJECTED'] } } : { status: filter.status };
  return db().$transaction(async (tx) => {
    const rows = await tx.escalation.findMany({
      where,
      select: escalationSummarySelect,
      orderBy: filter.status === 'PENDING' ? [{ createdAt: 'asc' }, { id: 'asc' }] : [{ createdAt: 'desc' }, { id: 'desc' }],
      take: LIMIT,
    });
    await recordAccessEvents(
      tx,
      caller,
      rows.map((row) => ({
        operation: 'CONSULTATION' as const,
        resourceType: 'escalation',
        resourceId: row.id,
        travellerId: row.hit.travellerId,
        purpose: 'Escalation queue review',
        details: { view: 'escalation-list', fields: ['name:masked'] },
      })),
    );
    const now = new Date();
    return rows.map((row) => toEscalationSummary(row, now));
  });
}
