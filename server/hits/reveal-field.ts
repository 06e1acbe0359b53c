import 'server-only';
import { REVEAL_PURPOSES, REVEALABLE_FIELDS, type RevealInput } from '@/lib/schemas/hit';
import type { RevealResult } from '@/lib/schemas/hit-detail';
import type { Caller } from '@/server/auth/caller';
import { requirePermission } from '@/server/auth/require-permission';
import { db } from '@/server/db';
import { ConflictError, NotFoundError } from '@/server/errors';
import { travellerFieldValue } from './hit-detail-view';
import type { ReadEvent } from '@/server/access-log/record-in-statement';
import { readHitTraveller } from './read-hit-detail';

/**
 * Reveals one masked field of a hit's traveller for a stated purpose: returns only that
 * field and records a CONSULTATION event naming the field and the purpose, in the statement
 * that reads it. Data masked by retention stay masked (re-personalisation is an escalation),
 * and reading them records nothing, as nothing is shown.
 */
export async function revealField(caller: Caller, hitId: string, input: RevealInput): Promise<RevealResult> {
  await requirePermission(caller, 'hits.reveal', { type: 'hit', id: hitId });
  const purpose = input.purpose === 'OTHER' ? `Other: ${input.purposeNote}` : REVEAL_PURPOSES[input.purpose];
  const reveal: ReadEvent = {
    caller,
    event: {
      operation: 'CONSULTATION',
      resourceType: 'hit',
      purpose,
      details: { view: 'reveal', field: input.field, label: REVEALABLE_FIELDS[input.field], purposeCode: input.purpose },
    },
  };
  const hit = await readHitTraveller(db(), hitId, reveal);
  if (!hit) throw new NotFoundError('This hit does not exist.');
  if (hit.traveller.maskedAt) {
    throw new ConflictError(
      'This traveller’s data were masked under the retention rules (PNR art. 12(2)); they can be read again only through an approved re-personalisation.',
    );
  }
  return { field: input.field, value: travellerFieldValue(hit.traveller, input.field) };
}
