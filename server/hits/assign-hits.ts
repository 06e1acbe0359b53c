import 'server-only';
import type { AssignHitsInput, HitClaimResult } from '@/lib/schemas/hit';
import type { Caller } from '@/server/auth/caller';
import { hasPermission } from '@/server/auth/permissions';
import { requirePermission } from '@/server/auth/require-permission';
import { db } from '@/server/db';
import { ConflictError, ValidationError } from '@/server/errors';
import { recordHitChange } from './hit-changes';

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
    const hits = await tx.hit.findMany({
      where: { id: { in: hitIds }, status: { in: ['NEW', 'IN_REVIEW'] } },
      select: { id: true, travellerId: true, status: true, assigneeId: true },
      orderBy: { id: 'asc' },
    });
    if (hits.length !== hitIds.length) {
      const missing = hitIds.length - hits.length;
      throw new ConflictError(`${missing} of the selected hits ${missing === 1 ? 'was' : 'were'} decided or removed meanwhile; nothing was assigned. Reload and try again.`);
    }
    const results: HitClaimResult[] = [];
    for (const hit of hits) {
      const status = input.assigneeId ? 'IN_REVIEW' : hit.status;
      const updated = await tx.hit.update({
        where: { id: hit.id },
        data: { assigneeId: input.assigneeId, status, version: { increment: 1 } },
        select: { version: true },
      });
      await recordHitChange(tx, caller, hit, {
        type: 'ASSIGNED',
        fromStatus: hit.status,
        toStatus: status,
        data: { from: hit.assigneeId, to: input.assigneeId },
      });
      results.push({ id: hit.id, status, version: updated.version, assigneeId: input.assigneeId, assigneeName });
    }
    return results;
  });
}
