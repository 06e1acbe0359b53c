import 'server-only';
import type { HitEventType, HitStatus } from '@/generated/prisma/enums';
import { recordAccessEvent } from '@/server/access-log/record';
import type { Caller } from '@/server/auth/caller';
import type { Tx } from '@/server/db';
import { ConflictError, NotFoundError } from '@/server/errors';

/**
 * Writes the two traces every change of a hit leaves, in the caller's transaction:
 * the hit's own history (HitEvent) and the ALTERATION event of the access log.
 */
export async function recordHitChange(
  tx: Tx,
  caller: Caller,
  hit: { id: string; travellerId: string },
  change: { type: HitEventType; fromStatus?: HitStatus | null; toStatus?: HitStatus | null; note?: string | null; data?: Record<string, string | number | null> },
): Promise<void> {
  await tx.hitEvent.create({
    data: {
      hitId: hit.id,
      type: change.type,
      actorId: caller.actorId,
      fromStatus: change.fromStatus ?? null,
      toStatus: change.toStatus ?? null,
      note: change.note ?? null,
      data: change.data ?? undefined,
    },
  });
  await recordAccessEvent(tx, caller, {
    operation: 'ALTERATION',
    resourceType: 'hit',
    resourceId: hit.id,
    travellerId: hit.travellerId,
    details: { change: change.type, ...(change.toStatus ? { toStatus: change.toStatus } : {}), ...(change.data ?? {}) },
  });
}

const when = (at: Date | null) => (at ? at.toISOString().replace('T', ' ').slice(0, 16) + ' UTC' : 'an unknown time');

/**
 * Explains why a conditional update of a hit touched nothing: the hit is gone, was
 * decided, or is held by someone else. Always throws.
 */
export async function explainHitConflict(tx: Tx, hitId: string, callerId: string | null): Promise<never> {
  const hit = await tx.hit.findUnique({
    where: { id: hitId },
    select: {
      status: true,
      decidedAt: true,
      updatedAt: true,
      decidedBy: { select: { name: true } },
      assigneeId: true,
      assignee: { select: { name: true } },
    },
  });
  if (!hit) throw new NotFoundError('This hit does not exist.');
  if (hit.status !== 'NEW' && hit.status !== 'IN_REVIEW') {
    throw new ConflictError(`Already decided by ${hit.decidedBy?.name ?? 'someone else'} at ${when(hit.decidedAt)}.`);
  }
  if (hit.assigneeId && hit.assigneeId !== callerId) {
    throw new ConflictError(`${hit.assignee?.name ?? 'Someone else'} is working on this hit.`);
  }
  throw new ConflictError(`This hit changed at ${when(hit.updatedAt)}: reload it and try again.`);
}
