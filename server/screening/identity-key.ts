import 'server-only';
import { createHash } from 'node:crypto';
import { normaliseDocumentNumber, normaliseName } from './normalise';

export interface TravellerIdentity {
  familyName: string | null;
  givenNames: string | null;
  dateOfBirth: string | null; // YYYY-MM-DD
  documentNumber: string | null;
}

/**
 * The key under which a cleared false positive is remembered (Suppression): a hash of
 * the traveller's normalised identity, so the same person travelling again is
 * recognised without the suppression table holding a readable name.
 */
export function identityKey(identity: TravellerIdentity): string {
  const parts = [
    normaliseName(identity.familyName ?? ''),
    normaliseName(identity.givenNames ?? '').split(' ').sort().join(' '),
    identity.dateOfBirth ?? '',
    normaliseDocumentNumber(identity.documentNumber ?? ''),
  ];
  return createHash('sha256').update(parts.join('|')).digest('hex');
}
