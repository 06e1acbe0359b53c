import 'server-only';
import type { Caller } from '@/server/auth/caller';
import { denyAccess, requirePermission } from '@/server/auth/require-permission';
import { db } from '@/server/db';
import { PREPARED } from '@/server/db-statements';
import { ConflictError, NotFoundError } from '@/server/errors';
import { hitChangeClauses } from '@/server/hits/hit-changes';
import { describeDecided } from './escalation-conflict';

/**
 * The requester takes back a request nobody has decided yet; the hit returns to review.
 * Anyone else's request is refused as an access-control decision (403 and a DENIED event).
 * The request, the hit, its history and the access event are one statement.
 */
export async function withdrawEscalation(caller: Caller, escalationId: string): Promise<{ id: string; status: 'WITHDRAWN' }> {
  const resource = { type: 'escalation', id: escalationId };
  await requirePermission(caller, 'escalations.request', resource);
  const owner = await db().escalation.findUnique({ where: { id: escalationId }, select: { requesterId: true } });
  if (!owner) throw new NotFoundError('This escalation request does not exist.');
  if (owner.requesterId !== caller.actorId) return denyAccess(caller, resource, 'Only the person who requested an escalation can withdraw it.');
  const [result] = await db().$queryRaw<{ withdrawn: number }[]>`${PREPARED}
    WITH taken_back AS (
      UPDATE "Escalation" SET status = 'WITHDRAWN', version = version + 1, "updatedAt" = now()
       WHERE id = ${escalationId}::uuid AND status = 'PENDING' AND "requesterId" = ${caller.actorId}::uuid
      RETURNING "hitId"
    ), withdrawn AS (
      UPDATE "Hit" h SET status = 'IN_REVIEW', version = h.version + 1, "updatedAt" = now()
        FROM taken_back b
       WHERE h.id = b."hitId"
      RETURNING h.id, h."travellerId", 'ESCALATION_PENDING'::"HitStatus" AS from_status
    ), ${hitChangeClauses(caller, 'withdrawn', { type: 'ESCALATION_WITHDRAWN', toStatus: 'IN_REVIEW', data: { escalationId } })}
    SELECT count(*)::int AS withdrawn FROM withdrawn`;
  if (!result?.withdrawn) throw new ConflictError(await describeDecided(db(), escalationId));
  return { id: escalationId, status: 'WITHDRAWN' };
}
