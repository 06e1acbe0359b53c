import 'server-only';
import directive from '@/lib/reference/pnr-directive.json';
import type { Tx } from '@/server/db';
import { identityKey, type TravellerIdentity } from '@/server/screening/identity-key';
import { suppressionApplies } from '@/server/screening/suppression-rule';

const ERASE_AFTER_YEARS = directive.retention.eraseAfterYears;

/**
 * Until when a cleared false positive is remembered: as long as the data it rests on are kept
 * (erased after five years, PNR art. 12(4)). Written with the decision (decide-hit.ts).
 */
export function suppressionExpiry(collectedAt: Date): Date {
  const expiry = new Date(collectedAt);
  expiry.setUTCFullYear(expiry.getUTCFullYear() + ERASE_AFTER_YEARS);
  return expiry;
}

/** Whether screening should stay silent for this identity against this entry version. */
export async function isSuppressed(tx: Tx, identity: TravellerIdentity, entry: { id: string; version: number }, now = new Date()): Promise<boolean> {
  const suppression = await tx.suppression.findUnique({
    where: { identityKey_entryId: { identityKey: identityKey(identity), entryId: entry.id } },
    select: { entryId: true, entryVersion: true, expiresAt: true },
  });
  return suppressionApplies(suppression, entry, now);
}

/**
 * The batch form of isSuppressed, one query for a whole screening: which of these
 * (identity, entry) pairs screening should stay silent on, by position.
 */
export async function suppressedPairs(
  tx: Tx,
  pairs: readonly { identity: TravellerIdentity; entry: { id: string; version: number } }[],
  now = new Date(),
): Promise<boolean[]> {
  if (pairs.length === 0) return [];
  const keys = pairs.map((pair) => identityKey(pair.identity));
  const rows = await tx.suppression.findMany({
    where: { identityKey: { in: [...new Set(keys)] }, entryId: { in: [...new Set(pairs.map((pair) => pair.entry.id))] } },
    select: { identityKey: true, entryId: true, entryVersion: true, expiresAt: true },
  });
  const byPair = new Map(rows.map((row) => [`${row.identityKey}|${row.entryId}`, row]));
  return pairs.map((pair, i) => suppressionApplies(byPair.get(`${keys[i]}|${pair.entry.id}`) ?? null, pair.entry, now));
}
