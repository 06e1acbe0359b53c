import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import { recordAccessEvents } from '@/server/access-log/record';
import type { Caller } from '@/server/auth/caller';
import type { Tx } from '@/server/db';
import { redactStoredExplanation } from '@/server/hits/mask-explanation';
import { IDENTIFYING_TRAVELLER_FIELDS, type IdentifyingField } from './identifying-fields';
import { collectedPastLimitWhere } from './past-limit';
import { sealTravellerData } from './traveller-vault';

/** What a masked traveller's sealed record holds: everything masking took out of reach. */
export interface SealedTravellerPayload {
  traveller: Partial<Record<IdentifyingField, string | null>>;
  /** The hits' explanations as the screening wrote them, by hit id. */
  hitExplanations: Record<string, Prisma.JsonValue>;
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
 * open (that package is what the approval disclosed; it is sealed once it expires).
 */
export function dueForMaskingWhere(limits: MaskLimits, now: Date): Prisma.Sql {
  return Prisma.sql`t."maskedAt" IS NULL
    AND ${collectedPastLimitWhere(limits.maskAfterDays, limits.clearedMaskAfterDays, now)}
    AND NOT EXISTS (SELECT 1 FROM "Hit" h JOIN "Escalation" e ON e."hitId" = h.id JOIN "DisclosurePackage" p ON p."escalationId" = e.id
                     WHERE h."travellerId" = t.id AND p."expiresAt" > ${now})`;
}

// Column names from code, never from input.
const IDENTIFYING_COLUMNS = Prisma.raw(IDENTIFYING_TRAVELLER_FIELDS.map((field) => `t."${field}"`).join(', '));
// "U": sex not recorded; every other identifying column emptied.
const CLEARED_ASSIGNMENTS = Prisma.raw(IDENTIFYING_TRAVELLER_FIELDS.map((field) => (field === 'sex' ? `"sex" = 'U'` : `"${field}" = NULL`)).join(', '));

const iso = (value: Date | null) => (value ? value.toISOString().slice(0, 10) : null);

/**
 * Masks one batch, oldest first, in the caller's transaction: the identifying values, the
 * hits' explanations and expired disclosure packages are sealed under the traveller's own
 * data key, then cleared; one ERASURE event per traveller. Rows another transaction holds
 * are skipped (SKIP LOCKED), not waited for, so analysts are never blocked by it.
 * Returns how many travellers were masked.
 */
export async function maskTravellerBatch(tx: Tx, caller: Caller, limits: MaskLimits, now: Date, batchSize: number, runId: string): Promise<number> {
  // Set-based throughout (arrays and one JSON parameter, not Prisma's per-value binding): a
  // batch of thousands is a handful of statements.
  const travellers = await tx.$queryRaw<({ id: string } & Record<IdentifyingField, string | Date | null>)[]>`
    SELECT t.id, ${IDENTIFYING_COLUMNS} FROM "Traveller" t WHERE ${dueForMaskingWhere(limits, now)}
     ORDER BY t."collectedAt" LIMIT ${batchSize} FOR UPDATE OF t SKIP LOCKED`;
  const ids = travellers.map((row) => row.id);
  if (ids.length === 0) return 0;
  const [hits, packages] = await Promise.all([
    tx.$queryRaw<{ id: string; travellerId: string; explanation: Prisma.JsonValue }[]>`
      SELECT id, "travellerId", explanation FROM "Hit" WHERE "travellerId" = ANY(${ids}::uuid[])`,
    tx.$queryRaw<{ id: string; travellerId: string; content: Prisma.JsonValue }[]>`
      SELECT p.id, h."travellerId", p.content FROM "DisclosurePackage" p
        JOIN "Escalation" e ON e.id = p."escalationId" JOIN "Hit" h ON h.id = e."hitId"
       WHERE h."travellerId" = ANY(${ids}::uuid[])`,
  ]);
  const payloads = new Map<string, SealedTravellerPayload>();
  for (const { id, ...fields } of travellers) {
    const traveller: SealedTravellerPayload['traveller'] = {};
    for (const [key, value] of Object.entries(fields)) traveller[key as IdentifyingField] = value instanceof Date ? iso(value) : (value as string | null);
    payloads.set(id, { traveller, hitExplanations: {}, disclosures: {} });
  }
  for (const hit of hits) {
    const payload = payloads.get(hit.travellerId);
    if (payload) payload.hitExplanations[hit.id] = hit.explanation;
  }
  for (const pkg of packages) {
    const payload = payloads.get(pkg.travellerId);
    if (payload) payload.disclosures[pkg.id] = pkg.content;
  }

  const base64 = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
  const sealed = JSON.stringify(
    [...payloads].map(([travellerId, payload]) => {
      const record = sealTravellerData(travellerId, payload);
      return { travellerId, ciphertext: base64(record.ciphertext), iv: base64(record.iv), authTag: base64(record.authTag), wrappedKey: base64(record.wrappedKey), keyVersion: record.keyVersion };
    }),
  );
  await tx.$executeRaw`
    INSERT INTO "MaskedTravellerData" ("travellerId", ciphertext, iv, "authTag", "wrappedKey", "keyVersion")
    SELECT r."travellerId", decode(r.ciphertext, 'base64'), decode(r.iv, 'base64'), decode(r."authTag", 'base64'), decode(r."wrappedKey", 'base64'), r."keyVersion"
      FROM json_to_recordset(${sealed}::json) AS r("travellerId" uuid, ciphertext text, iv text, "authTag" text, "wrappedKey" text, "keyVersion" int)`;
  await tx.$executeRaw`UPDATE "Traveller" SET ${CLEARED_ASSIGNMENTS}, "maskedAt" = ${now} WHERE id = ANY(${ids}::uuid[])`;
  if (hits.length > 0) {
    const redacted = JSON.stringify(hits.map((hit) => ({ id: hit.id, explanation: redactStoredExplanation(hit.explanation) })));
    await tx.$executeRaw`UPDATE "Hit" h SET explanation = v.explanation
                           FROM jsonb_to_recordset(${redacted}::jsonb) AS v(id uuid, explanation jsonb) WHERE h.id = v.id`;
  }
  if (packages.length > 0) {
    await tx.$executeRaw`UPDATE "DisclosurePackage" SET content = ${JSON.stringify({ sealed: 'masked under PNR art. 12(2)' })}::jsonb
                          WHERE id = ANY(${packages.map((pkg) => pkg.id)}::uuid[])`;
  }
  await recordAccessEvents(
    tx,
    caller,
    ids.map((id) => ({
      operation: 'ERASURE' as const,
      resourceType: 'traveller',
      resourceId: id,
      travellerId: id,
      purpose: 'PNR art. 12(2): identifying data masked after 6 months (retention)',
      details: { action: 'mask', retentionRunId: runId },
    })),
  );
  return ids.length;
}
