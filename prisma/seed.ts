import { readFileSync } from 'node:fs';
import type { PrismaClient } from '@/generated/prisma/client';
import directive from '@/lib/reference/pnr-directive.json';
import { chainAccessEvents } from '@/server/access-log/chainer';
import { systemCaller } from '@/server/auth/caller';
import { parseSdnCsv } from '@/server/ingest/ofac/parse-sdn';
import { pairableEntries, planHitPair } from './seed-hit-pairs';
import { planHits, writeHits } from './seed-hits';
import { DAY_MS, isoDay, stableUuid } from './seed-random';
import { writeRecipients, writeRetentionPolicies, writeUsers } from './seed-reference';
import { planTraveller, seedWindow, writeTravellers } from './seed-travellers';
import {
  SOURCE_CODES, loadHitEntries, ofacEntryRows, syntheticEntryRows, writeEntries, writeSources, type SourceCode,
} from './seed-watchlists';

// The demo and test data set. Deterministic (every record comes from a PRNG keyed by
// what it is) and idempotent (stable ids, inserts that skip what exists): a second run
// with the same options creates no row and no access event. Needs `--conditions=react-server`
// because it writes the access log through server/access-log/record.ts.

export interface SeedOptions {
  travellers?: number;
  hits?: number;
  days?: number;
  /** The end of the seeded period; defaults to the current time. */
  now?: Date;
  /** OFAC's sdn.csv (prisma/data/ofac-sdn-2024-05-03/sdn.csv). */
  sdnPath: string;
}

export interface SeedSummary {
  options: { travellers: number; hits: number; days: number; now: string };
  ofac: { entries: number; errors: number; warnings: number };
  created: {
    users: number;
    sources: number;
    entries: number;
    recipientAuthorities: number;
    retentionPolicies: number;
    screeningBatches: number;
    travellers: number;
    hits: number;
    hitEvents: number;
    escalations: number;
    accessEvents: number;
  };
  durationMs: number;
}

function count(name: string, value: number, min: number): number {
  if (!Number.isInteger(value) || value < min) throw new Error(`seed: ${name} must be an integer ≥ ${min}, got ${value}`);
  return value;
}

/** The PNR Directive's serious crimes (Annex II) and terrorism: the offence categories of the synthetic lists. */
export const OFFENCE_CATEGORIES: readonly string[] = ['terrorism', ...directive.seriousCrimes];

export async function seed(prisma: PrismaClient, options: SeedOptions): Promise<SeedSummary> {
  const started = performance.now();
  const travellerCount = count('travellers', options.travellers ?? 5000, 0);
  const hitCount = count('hits', options.hits ?? 400, 0);
  const days = count('days', options.days ?? 30, 1);
  if (hitCount > travellerCount) throw new Error('seed: hits cannot exceed travellers (every hit is one traveller’s)');
  const window = seedWindow(options.now ?? new Date(), days);
  const caller = systemCaller('seed');

  const parsed = parseSdnCsv(readFileSync(options.sdnPath, 'utf8'));

  // Reference data and watchlists.
  const users = await writeUsers(prisma);
  if (users.analysts.length === 0 || users.supervisors.length < 1) throw new Error('seed: demo analysts and supervisors are missing');
  const sources = await writeSources(prisma);
  const recipients = await writeRecipients(prisma);
  const retentionPolicies = await writeRetentionPolicies(prisma);
  const entries = await writeEntries(prisma, [
    ...ofacEntryRows(parsed.entries, sources.ids['OFAC-SDN']),
    ...syntheticEntryRows('NATIONAL-ALERTS', sources.ids['NATIONAL-ALERTS'], OFFENCE_CATEGORIES, window),
    ...syntheticEntryRows('SIS-LIKE', sources.ids['SIS-LIKE'], OFFENCE_CATEGORIES, window),
  ]);

  // Who travelled: hit travellers are built from (or near) listed people, the rest at random.
  const stored = await loadHitEntries(prisma, sources.ids);
  const bySource = Object.fromEntries(SOURCE_CODES.map((code) => [code, pairableEntries(stored[code])])) as Record<SourceCode, ReturnType<typeof pairableEntries>>;
  const pairs = Array.from({ length: hitCount }, (_, i) => planHitPair(i, bySource, window));
  const hitTravellers = pairs.map((pair) => planTraveller(`hit-${pair.index}`, window, pair.identity));
  const travellers = [
    ...Array.from({ length: travellerCount - hitCount }, (_, i) => planTraveller(String(i), window)),
    ...hitTravellers,
  ];

  const createdTravellers = await writeTravellers(prisma, caller, travellers);

  // One batch per list and day. Its denominator is every stored traveller collected that
  // day, its numerator the hits of its list this run creates that day.
  const batchId = (code: SourceCode, day: Date) => stableUuid('batch', code, isoDay(day));
  const plans = planHits(pairs, hitTravellers, { window, analysts: users.analysts, supervisors: users.supervisors, recipients: recipients.ids, batchId });
  const windowEnd = new Date(window.firstDay.getTime() + days * DAY_MS);
  const perDay = await prisma.$queryRaw<{ day: string; count: bigint }[]>`
    SELECT to_char("collectedAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, count(*) AS count
    FROM "Traveller" WHERE "collectedAt" >= ${window.firstDay} AND "collectedAt" < ${windowEnd} GROUP BY 1`;
  const screenedPerDay = new Map(perDay.map((row) => [row.day, Number(row.count)]));
  const existingHits = new Set(
    (await prisma.hit.findMany({ where: { id: { in: plans.map((plan) => plan.hit.id) } }, select: { id: true } })).map((hit) => hit.id),
  );
  const hitsPerBatch = new Map<string, number>();
  for (const { hit } of plans) {
    if (hit.screeningBatchId && !existingHits.has(hit.id)) hitsPerBatch.set(hit.screeningBatchId, (hitsPerBatch.get(hit.screeningBatchId) ?? 0) + 1);
  }
  const batches = SOURCE_CODES.flatMap((code) =>
    Array.from({ length: days }, (_, d) => {
      const day = new Date(window.firstDay.getTime() + d * DAY_MS);
      const id = batchId(code, day);
      return {
        id,
        sourceId: sources.ids[code],
        day,
        travellersScreened: screenedPerDay.get(isoDay(day)) ?? 0,
        hitsCreated: hitsPerBatch.get(id) ?? 0,
        status: 'COMPLETED',
        startedAt: day,
        finishedAt: new Date(Math.min(day.getTime() + DAY_MS - 1, window.now.getTime())),
      };
    }),
  );
  const { count: screeningBatches } = await prisma.screeningBatch.createMany({ data: batches, skipDuplicates: true });
  const createdHits = await writeHits(prisma, caller, plans);
  // The seed's collection and combination events join the chain now, not at the server's first tick.
  await chainAccessEvents(prisma);

  return {
    options: { travellers: travellerCount, hits: hitCount, days, now: window.now.toISOString() },
    ofac: { entries: parsed.entries.length, errors: parsed.errors.length, warnings: parsed.warnings.length },
    created: {
      users: users.created,
      sources: sources.created,
      entries,
      recipientAuthorities: recipients.created,
      retentionPolicies,
      screeningBatches,
      travellers: createdTravellers,
      ...createdHits,
      accessEvents: createdTravellers + createdHits.hits,
    },
    durationMs: Math.round(performance.now() - started),
  };
}
