import 'server-only';

export interface SuppressionRecord {
  entryId: string;
  entryVersion: number;
  expiresAt: Date;
}

/**
 * A cleared false positive stops the same traveller identity being raised again against
 * the same entry — but only for the entry version that was cleared (a changed entry is
 * a new question) and only until the traveller's data expire (PNR art. 12(5)).
 */
export function suppressionApplies(suppression: SuppressionRecord | null, entry: { id: string; version: number }, now: Date): boolean {
  if (!suppression) return false;
  return suppression.entryId === entry.id && suppression.entryVersion === entry.version && suppression.expiresAt > now;
}
