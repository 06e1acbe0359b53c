import 'server-only';
import type { TimelineEntry } from '@/lib/schemas/hit-detail';
import type { Caller } from '@/server/auth/caller';
import { requirePermission } from '@/server/auth/require-permission';
import { db } from '@/server/db';
import { PREPARED } from '@/server/db-statements';
import { NotFoundError } from '@/server/errors';
import { hitChangeClauses } from './hit-changes';

/**
 * Adds a note to a hit's history — the one change a decided hit still accepts. The entry and
 * its access event are one statement (hitChangeClauses), which answers with the entry.
 */
export async function addHitNote(caller: Caller, hitId: string, note: string): Promise<TimelineEntry> {
  await requirePermission(caller, 'hits.decide', { type: 'hit', id: hitId });
  const [entry] = await db().$queryRaw<{ id: string; at: Date; note: string | null; actorName: string | null }[]>`${PREPARED}
    WITH noted AS (
      SELECT id, "travellerId", NULL::"HitStatus" AS from_status FROM "Hit" WHERE id = ${hitId}::uuid
    ), ${hitChangeClauses(caller, 'noted', { type: 'NOTE_ADDED', note })}
    SELECT e.id, e.at, e.note, (SELECT name FROM "User" WHERE id = ${caller.actorId}::uuid) AS "actorName" FROM history e`;
  if (!entry) throw new NotFoundError('This hit does not exist.');
  return { id: entry.id, kind: 'NOTE_ADDED', at: entry.at.toISOString(), actorName: entry.actorName, text: 'Note added', note: entry.note };
}
