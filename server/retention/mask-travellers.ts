import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import { recordTravellerEvents } from '@/server/access-log/record';
import type { Caller } from '@/server/auth/caller';
import type { Tx } from '@/server/db';
import { IDENTIFYING_TRAVELLER_FIELDS, type IdentifyingField } from './identifying-fields';
import { collectedPastLimitWhere } from './past-limit';
import { sealTravellerBatch } from './traveller-vault';

/** What a masked traveller's sealed record holds: everything masking took out of reach. */
export interface SealedTravellerPayload {
  traveller: Partial<Record<IdentifyingField, string | null>>;
  /**
   * Only in records sealed before hits stopped quoting the traveller (issue 11): the traveller
   * values masking took out of the hits' explanations, by hit id. Kept readable, never written:
   * a hit's explanation now names the traveller's field, whose value is in `traveller` above.
   */
  hitExplanations?: Record<string, Prisma.JsonValue>;
  /** Expired disclosure packages' content, by package id. */
  disclosures: Record<string, Prisma.JsonValue>;
}

export interface MaskLimits {
  maskAfterDays: number;
  clearedMaskAfterDays: number;
}

/**
 * Which travellers are due for masking: past the limit (or the shorter one for travellers
 * whose every hit was cleared), and none with a disclosure package a recipient may still
 * open (that package is what the approval disclosed; it is sealed once it expires). The
 * packages are found through the escalations' copy of their traveller (by index, migration
 * 20261201110000), not through the traveller's hits: 14.6 → 2 µs a traveller.
 */
export function dueForMaskingWhere(limits: MaskLimits, now: Date): Prisma.Sql {
  return Prisma.sql`t."maskedAt" IS NULL
    AND ${collectedPastLimitWhere(limits.maskAfterDays, limits.clearedMaskAfterDays, now)}
    AND NOT EXISTS (SELECT 1 FROM "Escalation" e JOIN "DisclosurePackage" p ON p."escalationId" = e.id
                     WHERE e."travellerId" = t.id AND p."expiresAt" > ${now})`;
}

// Column names from code, never from input.
const IDENTIFYING_COLUMNS = Prisma.raw(IDENTIFYING_TRAVELLER_FIELDS.map((field) => `t."${field}"`).join(', '));
// "U": sex not recorded; every other identifying column emptied.
const CLEARED_ASSIGNMENTS = Prisma.raw(IDENTIFYING_TRAVELLER_FIELDS.map((field) => (field === 'sex' ? `"sex" = 'U'` : `"${field}" = NULL`)).join(', '));

const iso = (value: Date | null) => (value ? value.toISOString().slice(0, 10) : null);

/**
 * Masks one batch, oldest first, in the caller's transaction: the identifying values and
 * expired disclosure packages are sealed under the traveller's own data key, then cleared;
 * one ERASURE event per traveller. The hits are not touched: their explanations quote no
 * traveller value (lib/hits/stored-explanation.ts) — the detail reads it from the traveller
 * row, which is what is cleared — so no Hit row version, and none of Hit's index entries, is
 * written here. Rows
 * another transaction holds are skipped (SKIP LOCKED), not waited for, so analysts are never
 * blocked by it, and two of these may run side by side (run-retention.ts).
 * Returns how many travellers were masked.
 */
export async function maskTravellerBatch(tx: Tx, caller: Caller, limits: MaskLimits, now: Date, batchSize: number, runId: string): Promise<number> {
  // Set-based throughout (arrays, not Prisma's per-value binding): a batch of thousands is a
  // handful of statements. Oldest first along the index of unmasked travellers (partial, so
  // never past the ones masked by earlier batches: migration 20261201180000).
  const travellers = await tx.$queryRaw<({ id: string } & Record<IdentifyingField, string | Date | null>)[]>`
    SELECT t.id, ${IDENTIFYING_COLUMNS} FROM "Traveller" t WHERE ${dueForMaskingWhere(limits, now)}
     ORDER BY t."collectedAt" LIMIT ${batchSize} FOR UPDATE OF t SKIP LOCKED`;
  const ids = travellers.map((row) => row.id);
  if (ids.length === 0) return 0;
  const packages = await tx.$queryRaw<{ id: string; travellerId: string; content: Prisma.JsonValue }[]>`
    SELECT p.id, h."travellerId", p.content FROM "DisclosurePackage" p
      JOIN "Escalation" e ON e.id = p."escalationId" JOIN "Hit" h ON h.id = e."hitId"
     WHERE h."travellerId" = ANY(${ids}::uuid[])`;
  const payloads = new Map<string, SealedTravellerPayload>();
  for (const { id, ...fields } of travellers) {
    const traveller: SealedTravellerPayload['traveller'] = {};
    for (const [key, value] of Object.entries(fields)) traveller[key as IdentifyingField] = value instanceof Date ? iso(value) : (value as string | null);
    payloads.set(id, { traveller, disclosures: {} });
  }
  for (const pkg of packages) {
    const payload = payloads.get(pkg.travellerId);
    if (payload) payload.disclosures[pkg.id] = pkg.content;
  }

  const base64 = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
  const sealedIds = [...payloads.keys()];
  const records = sealTravellerBatch(sealedIds.map((travellerId) => ({ travellerId, values: payloads.get(travellerId) })));
  const [keyVersion] = new Set(records.map((record) => record.keyVersion));
  // Per traveller one base64 text, iv ‖ tag ‖ wrapped key (fixed lengths) ‖ ciphertext, cut
  // apart in SQL: one array element to escape and bind instead of four.
  const packed = records.map((record) => base64(Buffer.concat([record.iv, record.authTag, record.wrappedKey, record.ciphertext])));
  const [ivBytes, tagBytes, wrappedBytes] = [records[0]?.iv.length ?? 0, records[0]?.authTag.length ?? 0, records[0]?.wrappedKey.length ?? 0];
  if (records.some((record) => record.iv.length !== ivBytes || record.authTag.length !== tagBytes || record.wrappedKey.length !== wrappedBytes)) {
    throw new Error('sealed records of one batch differ in layout');
  }
  await tx.$executeRaw`
    INSERT INTO "MaskedTravellerData" ("travellerId", iv, "authTag", "wrappedKey", ciphertext, "keyVersion")
    SELECT r.id, substring(r.b FROM 1 FOR ${ivBytes}::int), substring(r.b FROM ${ivBytes + 1}::int FOR ${tagBytes}::int),
           substring(r.b FROM ${ivBytes + tagBytes + 1}::int FOR ${wrappedBytes}::int), substring(r.b FROM ${ivBytes + tagBytes + wrappedBytes + 1}::int), ${keyVersion ?? 1}::int
      FROM (SELECT u.id, decode(u.packed, 'base64') AS b FROM unnest(${sealedIds}::uuid[], ${packed}::text[]) AS u(id, packed)) r`;
  await tx.$executeRaw`UPDATE "Traveller" SET ${CLEARED_ASSIGNMENTS}, "maskedAt" = ${now} WHERE id = ANY(${ids}::uuid[])`;
  if (packages.length > 0) {
    await tx.$executeRaw`UPDATE "DisclosurePackage" SET content = ${JSON.stringify({ sealed: 'masked under PNR art. 12(2)' })}::jsonb
                          WHERE id = ANY(${packages.map((pkg) => pkg.id)}::uuid[])`;
  }
  await recordTravellerEvents(
    tx,
    caller,
    {
      operation: 'ERASURE',
      resourceType: 'traveller',
      purpose: 'PNR art. 12(2): identifying data masked after 6 months (retention)',
      details: { action: 'mask', retentionRunId: runId },
    },
    ids.map((travellerId) => ({ travellerId })),
  );
  return ids.length;
}
