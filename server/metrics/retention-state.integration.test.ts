import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { RETENTION_AGE_BANDS } from '@/lib/schemas/metrics';
import { db } from '@/server/db';
import { runRetention } from '@/server/retention/run-retention';
import { createHit } from '@/server/testing/factories';
import { readRetentionLimits } from '@/server/retention/retention-policies';
import { readInOneRound } from './metrics-round';
import { readRetention } from './retention';
import { compactMetricsRollups } from './rollup-schedule';

after(() => db().$disconnect());

const DAY_MS = 86_400_000;
type Band = { identifiable: number; masked: number; erased: number };

/** The retention panel's age bands, keyed by band. */
async function bands(now: Date): Promise<Record<string, Band>> {
  const limits = await readRetentionLimits(db());
  const { ageBands } = await readInOneRound(db(), (round) => readRetention(round, limits, now));
  return Object.fromEntries(ageBands.map((row) => [row.band, { identifiable: row.identifiable, masked: row.masked, erased: row.erased }]));
}

/** The same live counts by brute force over the travellers, each placed by the day it was collected (UTC). */
async function bruteForce(now: Date): Promise<Record<string, Omit<Band, 'erased'>>> {
  const today = Date.parse(now.toISOString().slice(0, 10));
  const rows = await db().traveller.findMany({ select: { collectedAt: true, maskedAt: true } });
  const result = Object.fromEntries(RETENTION_AGE_BANDS.map((band) => [band.key, { identifiable: 0, masked: 0 }]));
  for (const row of rows) {
    const day = Date.parse(row.collectedAt.toISOString().slice(0, 10));
    const band = RETENTION_AGE_BANDS.find((candidate) => candidate.maxDays !== null && day > today - candidate.maxDays * DAY_MS) ?? RETENTION_AGE_BANDS.at(-1);
    const counts = result[band!.key]!;
    if (row.maskedAt) counts.masked += 1;
    else counts.identifiable += 1;
  }
  return result;
}

async function collectedDaysAgo(days: number) {
  const created = await createHit({ status: 'CLEARED' });
  await db().traveller.update({ where: { id: created.traveller.id }, data: { collectedAt: new Date(Date.now() - days * DAY_MS) } });
  return created;
}

test('the retention panel’s ages come from the rollup and match the travellers; masking and erasure move the counts, never lose them', async () => {
  const now = new Date();
  await Promise.all([collectedDaysAgo(10), collectedDaysAgo(200), collectedDaysAgo(400), collectedDaysAgo(1900)]);
  await compactMetricsRollups();
  const live = await bruteForce(now);
  const before = await bands(now);
  for (const band of RETENTION_AGE_BANDS) {
    assert.deepEqual({ identifiable: before[band.key]?.identifiable, masked: before[band.key]?.masked }, live[band.key], band.key);
  }

  await runRetention({ now });
  const after = await bands(now);
  const afterLive = await bruteForce(now);
  for (const band of RETENTION_AGE_BANDS) {
    assert.deepEqual({ identifiable: after[band.key]?.identifiable, masked: after[band.key]?.masked }, afterLive[band.key], band.key);
    const total = (counts: Band | undefined) => (counts ? counts.identifiable + counts.masked + counts.erased : 0);
    assert.equal(total(after[band.key]), total(before[band.key]), `${band.key}: every traveller is still counted, in one state or another`);
  }
  assert.ok((after['gt5y']?.erased ?? 0) > (before['gt5y']?.erased ?? 0), 'the traveller past five years moved to erased');
  assert.ok((after['6to12m']?.masked ?? 0) > (before['6to12m']?.masked ?? 0), 'the traveller past six months moved to masked');
  assert.equal(after['lt3m']?.identifiable, before['lt3m']?.identifiable, 'a young traveller stays identifiable');
});
