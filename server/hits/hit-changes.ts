import 'server-only';
import type { HitEventType, HitStatus } from '@/generated/prisma/enums';
import { recordAccessEvents } from '@/server/access-log/record';
import type { Caller } from '@/server/auth/caller';
import type { Tx } from '@/server/db';
import { ConflictError, NotFoundError } from '@/server/errors';

type HitRef = { id: string; travellerId: string };
type HitChange = { type: HitEventType; fromStatus?: HitStatus | null; toStatus?: HitStatus | null; note?: string | null; data?: Record<string, string | number | null> };

/**
 * Writes the two traces every change of a hit leaves, in the caller's transaction:
 * the hit's own history (HitEvent) and the ALTERATION event of the access log — for
 * any number of hits in two statements (a bulk assignment is one change per hit).
 */
export async function recordHitChanges(tx: Tx, caller: Caller, changes: readonly { hit: HitRef; change: HitChange }[]): Promise<void> {
  if (changes.length === 0) return;
  await tx.hitEvent.createMany({
    data: changes.map(({ hit, change }) => ({
      hitId: hit.id,
      type: change.type,
      actorId: caller.actorId,
      fromStatus: change.fromStatus ?? null,
      toStatus: change.toStatus ?? null,
      note: change.note ?? null,
      data: change.data ?? undefined,
    })),
  });
  await recordAccessEvents(
    tx,
    caller,
    changes.map(({ hit, change }) => ({
      operation: 'ALTERATION' as const,
      resourceType: 'hit',
      resourceId: hit.id,
      travellerId: hit.travellerId,
      details: { change: change.type, ...(change.toStatus ? { toStatus: change.toStatus } : {}), ...(change.data ?? {}) },
    })),
  );
}

export async function recordHitChange(tx: Tx, caller: Caller, hit: HitRef, change: HitChange): Promise<void> {
  await recordHitChanges(tx, caller, [{ hit, change }]);
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
