import 'server-only';
import directive from '@/lib/reference/pnr-directive.json';
import type { Tx } from '@/server/db';
import { identityKey, type TravellerIdentity } from '@/server/screening/identity-key';
import { suppressionApplies } from '@/server/screening/suppression-rule';

const ERASE_AFTER_YEARS = directive.retention.eraseAfterYears;

function dataExpiry(collectedAt: Date): Date {
  const expiry = new Date(collectedAt);
  expiry.setUTCFullYear(expiry.getUTCFullYear() + ERASE_AFTER_YEARS);
  return expiry;
}

/** Remembers a cleared false positive, in the clearing transaction (the newest clearing wins). */
export async function rememberClearedHit(
  tx: Tx,
  input: { identity: TravellerIdentity; collectedAt: Date; entryId: string; entryVersion: number; hitId: string; userId: string | null; reason: string },
): Promise<void> {
  const key = identityKey(input.identity);
  const data = {
    entryVersion: input.entryVersion,
    originHitId: input.hitId,
    createdById: input.userId,
    reason: input.reason,
    expiresAt: dataExpiry(input.collectedAt),
  };
  await tx.suppression.upsert({
    where: { identityKey_entryId: { identityKey: key, entryId: input.entryId } },
    create: { identityKey: key, entryId: input.entryId, ...data },
    update: data,
  });
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
