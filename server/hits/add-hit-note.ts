import 'server-only';
import type { TimelineEntry } from '@/lib/schemas/hit-detail';
import type { Caller } from '@/server/auth/caller';
import { requirePermission } from '@/server/auth/require-permission';
import { db } from '@/server/db';
import { NotFoundError } from '@/server/errors';
import { recordHitChange } from './hit-changes';

/** Adds a note to a hit's history — the one change a decided hit still accepts. */
export async function addHitNote(caller: Caller, hitId: string, note: string): Promise<TimelineEntry> {
  await requirePermission(caller, 'hits.decide', { type: 'hit', id: hitId });
  return db().$transaction(async (tx) => {
    const hit = await tx.hit.findUnique({ where: { id: hitId }, select: { id: true, travellerId: true } });
    if (!hit) throw new NotFoundError('This hit does not exist.');
    await recordHitChange(tx, caller, hit, { type: 'NOTE_ADDED', note });
    const event = await tx.hitEvent.findFirstOrThrow({
      where: { hitId, type: 'NOTE_ADDED', actorId: caller.actorId },
      orderBy: { at: 'desc' },
      select: { id: true, at: true, note: true, actor: { select: { name: true } } },
    });
    return { id: event.id, kind: 'NOTE_ADDED', at: event.at.toISOString(), actorName: event.actor?.name ?? null, text: 'Note added', note: event.note };
  });
}
