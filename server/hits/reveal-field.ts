import 'server-only';
import { REVEAL_PURPOSES, REVEALABLE_FIELDS, type RevealInput } from '@/lib/schemas/hit';
import type { RevealResult } from '@/lib/schemas/hit-detail';
import { recordAccessEvent } from '@/server/access-log/record';
import type { Caller } from '@/server/auth/caller';
import { requirePermission } from '@/server/auth/require-permission';
import { db } from '@/server/db';
import { ConflictError, NotFoundError } from '@/server/errors';
import { travellerFieldValue } from './hit-detail-view';
import { readHitTraveller } from './read-hit-detail';

/**
 * Reveals one masked field of a hit's traveller for a stated purpose: returns only that
 * field and records a CONSULTATION event naming the field and the purpose, in the same
 * transaction. Data masked by retention stay masked (re-personalisation is an escalation).
 */
export async function revealField(caller: Caller, hitId: string, input: RevealInput): Promise<RevealResult> {
  await requirePermission(caller, 'hits.reveal', { type: 'hit', id: hitId });
  return db().$transaction(async (tx) => {
    const hit = await readHitTraveller(tx, hitId);
    if (!hit) throw new NotFoundError('This hit does not exist.');
    if (hit.traveller.maskedAt) {
      throw new ConflictError(
        'This traveller’s data were masked under the retention rules (PNR art. 12(2)); they can be read again only through an approved re-personalisation.',
      );
    }
    const purpose = input.purpose === 'OTHER' ? `Other: ${input.purposeNote}` : REVEAL_PURPOSES[input.purpose];
    await recordAccessEvent(tx, caller, {
      operation: 'CONSULTATION',
      resourceType: 'hit',
      resourceId: hitId,
      travellerId: hit.travellerId,
      purpose,
      details: { view: 'reveal', field: input.field, label: REVEALABLE_FIELDS[input.field], purposeCode: input.purpose },
    });
    return { field: input.field, value: travellerFieldValue(hit.traveller, input.field) };
  });
}
