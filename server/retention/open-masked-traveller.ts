import 'server-only';
import type { Tx } from '@/server/db';
import { IDENTIFYING_TRAVELLER_FIELDS } from './identifying-fields';
import type { SealedTravellerPayload } from './mask-travellers';
import { openTravellerData } from './traveller-vault';

const DATE_FIELDS = new Set(['dateOfBirth', 'documentExpiry']);

/**
 * The traveller row with its identifying values as they were before masking — the one
 * read of the sealed record, for an approved re-personalisation (PNR art. 12(3)); the
 * caller has checked that approval and records it. An unmasked row is returned as it is.
 * A row marked masked without a sealed record (masked before the vault existed) has
 * nothing to restore and is returned as it is.
 */
export async function repersonalisedTraveller<T extends { maskedAt: Date | null }>(tx: Tx, travellerId: string, row: T): Promise<T> {
  if (!row.maskedAt) return row;
  const sealed = await tx.maskedTravellerData.findUnique({ where: { travellerId } });
  if (!sealed) return row;
  const payload = openTravellerData<SealedTravellerPayload>(travellerId, sealed);
  const restored: Record<string, unknown> = { ...row };
  for (const field of IDENTIFYING_TRAVELLER_FIELDS) {
    if (!(field in row)) continue;
    const value = payload.traveller[field] ?? null;
    restored[field] = value !== null && DATE_FIELDS.has(field) ? new Date(`${value}T00:00:00Z`) : (value ?? (field === 'sex' ? 'U' : null));
  }
  return restored as T;
}
