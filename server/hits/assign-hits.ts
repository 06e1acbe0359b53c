import 'server-only';
import type { AssignHitsInput, HitClaimResult } from '@/lib/schemas/hit';
import type { Caller } from '@/server/auth/caller';
import { hasPermission } from '@/server/auth/permissions';
import { requirePermission } from '@/server/auth/require-permission';
import { db } from '@/server/db';
import { ConflictError, ValidationError } from '@/server/errors';
import { recordHitChanges } from './hit-changes';

/**
 * A supervisor assigns (or unassigns) undecided hits, all or none: if any selected hit
 * was decided meanwhile, nothing changes and the answer names how many.
 */
export async function assignHits(caller: Caller, input: AssignHitsInput): Promise<HitClaimResult[]> {
  await requirePermission(caller, 'hits.assign', { type: 'hit-assignment' });
  const hitIds = [...new Set(input.hitIds)];
  return db().$transaction(async (tx) => {
    let assigneeName: string | null = null;
    if (input.assigneeId) {
      const assignee = await tx.user.findUnique({ where: { id: input.assigneeId }, select: { name: true, role: true, active: true } });
      if (!assignee || !assignee.active || !hasPermission(assignee.role, 'hits.decide')) {
        throw new ValidationError('This person cannot review hits.', { assigneeId: 'Choose an active analyst or supervisor.' });
      }
      assigneeName = assignee.name;
    }
    // The rows locked in id order, as the access-log chainer locks revealed hits
    // (migration 20261129090000): two lockers in one order cannot deadlock.
    await tx.$queryRaw`SELECT 1 FROM "Hit" WHERE id = ANY (${hitIds}::uuid[]) ORDER BY id FOR NO KEY UPDATE`;
    const hits = await tx.hit.findMany({
      where: { id: { in: hitIds }, status: { in: ['NEW', 'IN_REVIEW'] } },
      select: { id: true, travellerId: true, status: true, assigneeId: true },
      orderBy: { id: 'asc' },
    });
    if (hits.length !== hitIds.length) {
      const missing = hitIds.length - hits.length;
      throw new ConflictError(`${missing} of the selected hits ${missing === 1 ? 'was' : 'were'} decided or removed meanwhile; nothing was assigned. Reload and try again.`);
    }
    // Assigning puts every hit in review; unassigning leaves each status as it was.
    const { count } = await tx.hit.updateMany({
      where: { id: { in: hitIds }, status: { in: ['NEW', 'IN_REVIEW'] } },
      data: { assigneeId: input.assigneeId, ...(input.assigneeId ? { status: 'IN_REVIEW' as const } : {}), version: { increment: 1 } },
    });
    // A hit decided between the check and the update: all or nothing still holds.
    if (count !== hitIds.length) throw new ConflictError('A selected hit was decided meanwhile; nothing was assigned. Reload and try again.');
    await recordHitChanges(
      tx,
      caller,
      hits.map((hit) => ({
        hit,
        change: { type: 'ASSIGNED' as const, fromStatus: hit.status, toStatus: input.assigneeId ? 'IN_REVIEW' : hit.status, data: { from: hit.assigneeId, to: input.assigneeId } },
      })),
    );
    const updated = await tx.hit.findMany({ where: { id: { in: hitIds } }, select: { id: true, status: true, version: true }, orderBy: { id: 'asc' } });
    return updated.map((hit) => ({ ...hit, assigneeId: input.assigneeId, assigneeName }));
  });
}
