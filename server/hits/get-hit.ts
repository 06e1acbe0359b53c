import 'server-only';
import { DECIDABLE_HIT_STATUSES } from '@/lib/schemas/hit';
import type { HitDetail } from '@/lib/schemas/hit-detail';
import { recordAccessEvent } from '@/server/access-log/record';
import type { Caller } from '@/server/auth/caller';
import { hasPermission } from '@/server/auth/permissions';
import { requirePermission } from '@/server/auth/require-permission';
import { db, type Tx } from '@/server/db';
import { NotFoundError } from '@/server/errors';
import { hitDetailSelect, toHitDetail } from './hit-detail-view';
import { hitTimeline } from './hit-timeline';

/** The detail as `caller` may see it, without recording anything (see getHit). */
export async function readHitDetail(tx: Tx, caller: Caller, hitId: string): Promise<{ detail: HitDetail; travellerId: string }> {
  const row = await tx.hit.findUnique({ where: { id: hitId }, select: hitDetailSelect });
  if (!row) throw new NotFoundError('This hit does not exist.');
  const open = (DECIDABLE_HIT_STATUSES as readonly string[]).includes(row.status);
  const mine = row.assignee?.id === caller.actorId;
  const mayDecide = hasPermission(caller.role, 'hits.decide');
  const detail: HitDetail = {
    ...toHitDetail(row),
    timeline: await hitTimeline(tx, row),
    can: {
      decide: mayDecide && open && (row.assignee === null || mine),
      reveal: hasPermission(caller.role, 'hits.reveal') && row.traveller.maskedAt === null,
      claim: mayDecide && open && row.assignee === null,
      release: mayDecide && open && mine,
      assign: hasPermission(caller.role, 'hits.assign') && open,
      note: mayDecide,
    },
    currentUserId: caller.actorId ?? '',
  };
  return { detail, travellerId: row.travellerId };
}

/**
 * Opens a hit: its detail with identifying values masked, and one CONSULTATION event
 * recorded in the same transaction as the read.
 */
export async function getHit(caller: Caller, hitId: string): Promise<HitDetail> {
  await requirePermission(caller, 'hits.read', { type: 'hit', id: hitId });
  return db().$transaction(async (tx) => {
    const { detail, travellerId } = await readHitDetail(tx, caller, hitId);
    await recordAccessEvent(tx, caller, {
      operation: 'CONSULTATION',
      resourceType: 'hit',
      resourceId: hitId,
      travellerId,
      purpose: 'Hit review',
      details: { view: 'hit-detail', fields: 'masked' },
    });
    return detail;
  });
}
