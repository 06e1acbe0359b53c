import 'server-only';
import type { ScreeningBatchView } from '@/lib/schemas/ingest';
import { recordAccessEvent } from '@/server/access-log/record';
import type { Caller } from '@/server/auth/caller';
import { requirePermission } from '@/server/auth/require-permission';
import { db } from '@/server/db';
import { NotFoundError } from '@/server/errors';
import { toScreeningBatchView } from './screening-batch-view';

/**
 * GET /api/v1/screenings/{id}: status and counts. A token sees only the batches it
 * submitted (another system's volume is not its business: 404, recorded as DENIED); an
 * administrator sees any.
 */
export async function getScreeningBatch(caller: Caller, batchId: string): Promise<ScreeningBatchView> {
  await requirePermission(caller, 'screenings.read', { type: 'screening', id: batchId });
  const view = await db().$transaction(async (tx) => {
    const row = await tx.screeningBatch.findUnique({ where: { id: batchId } });
    if (!row) return null;
    if (caller.actorType === 'TOKEN' && row.submittedBy !== caller.actorLabel) {
      // Another system's batch is answered as absent, but recorded as the refusal it is.
      await recordAccessEvent(tx, caller, { operation: 'DENIED', outcome: 'DENIED', resourceType: 'screening', resourceId: batchId, details: { reason: 'another-submitter' } });
      return null;
    }
    await recordAccessEvent(tx, caller, { operation: 'CONSULTATION', resourceType: 'screening', resourceId: batchId, details: { travellersScreened: row.travellersScreened, hitsCreated: row.hitsCreated } });
    return toScreeningBatchView(row);
  });
  if (!view) throw new NotFoundError('This screening batch does not exist.');
  return view;
}
