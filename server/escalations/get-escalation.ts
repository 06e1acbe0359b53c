import 'server-only';
import type { EscalationDetail } from '@/lib/schemas/escalation';
import { recordAccessEvent } from '@/server/access-log/record';
import type { Caller } from '@/server/auth/caller';
import { requirePermission } from '@/server/auth/require-permission';
import { db } from '@/server/db';
import { readEscalationDetail } from './escalation-view';

/** A supervisor opens a request: justification beside the masked hit, one CONSULTATION event. */
export async function getEscalation(caller: Caller, escalationId: string): Promise<EscalationDetail> {
  await requirePermission(caller, 'escalations.list', { type: 'escalation', id: escalationId });
  return db().$transaction(async (tx) => {
    const { detail, travellerId } = await readEscalationDetail(tx, caller, escalationId);
    await recordAccessEvent(tx, caller, {
      operation: 'CONSULTATION',
      resourceType: 'escalation',
      resourceId: escalationId,
      travellerId,
      purpose: 'Escalation review',
      details: { view: 'escalation-detail', hitId: detail.hitId, fields: 'masked' },
    });
    return detail;
  });
}
