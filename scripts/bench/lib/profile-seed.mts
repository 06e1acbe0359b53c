// Loads a profile (profiles.mts) into a migrated database, reusing the benchmarks'
// generators: the normal seed when the database is empty (users, the SDN list and the two
// synthetic lists, a month of demo data), the screening batches (screening-batches.mts),
// the hits with their travellers, history and escalations (scale-data.mts), the disclosure
// packages of the approved escalations, and the access log as a valid hash chain
// (access-log-data.mts) — all on one seasonal timeline. Every step tops up to its target,
// so a rerun adds only the difference. Refuses a database holding non-demo data unless forced.
// Needs `--conditions=react-server`.
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../../../generated/prisma/client.ts';
import { env } from '../../../lib/env.ts';
import { isEmpty, seed } from '../../db/database.mts';
import { ensureScaleHits } from '../scale-data.mts';
import { ensureScaleEvents } from './access-log-data.mts';
import { nonDemoData } from './demo-data.mts';
import { ensureDisclosurePackages } from './disclosure-packages.mts';
import { profileOutcomes, type Profile } from './profiles.mts';
import { Progress } from './progress.mts';
import { compareRollups, type RollupComparison } from './rollup-check.mts';
import { countBatchHits, ensureScreeningBatches, planBatches } from './screening-batches.mts';
import { timeline } from './seasonality.mts';

export class NonDemoDataError extends Error {}

export interface ProfileSummary {
  profile: Profile;
  /** Seconds per step, in order. */
  steps: { step: string; seconds: number; added: number }[];
  seconds: number;
  counts: Record<string, number>;
  escalationsByStatus: Record<string, number>;
  hitsByStatus: Record<string, number>;
  rollups: RollupComparison[];
  rollupsAgree: boolean;
}

// Rows one generated hit writes on average: its traveller, the hit, two or three HitEvents.
const ROWS_PER_HIT = 4;

async function counts(client: pg.Client): Promise<Record<string, number>> {
  const row = (await client.query<Record<string, string>>(`
    SELECT (SELECT count(*) FROM "Hit")::text AS "hits", (SELECT count(*) FROM "Traveller")::text AS "travellers",
      (SELECT count(*) FROM "HitEvent")::text AS "hitEvents", (SELECT count(*) FROM "Escalation")::text AS "escalations",
      (SELECT count(*) FROM "DisclosurePackage")::text AS "disclosurePackages",
      (SELECT count(*) FROM "ScreeningBatch")::text AS "screeningBatches",
      (SELECT coalesce(sum("travellersScreened"), 0) FROM "ScreeningBatch")::text AS "travellersScreened",
      (SELECT count(*) FROM "WatchlistEntry")::text AS "watchlistEntries",
      (SELECT "lastSeq" FROM "AccessLogHead" WHERE id = 1)::text AS "accessEvents",
      (SELECT count(*) FROM "AccessEvent" WHERE details ->> 'view' = 'reveal')::text AS "reveals"`)).rows[0] ?? {};
  return Object.fromEntries(Object.entries(row).map(([key, value]) => [key, Number(value)]));
}

async function byStatus(client: pg.Client, table: 'Hit' | 'Escalation'): Promise<Record<string, number>> {
  const rows = (await client.query<{ status: string; n: string }>(`SELECT status::text, count(*)::text AS n FROM "${table}" GROUP BY 1 ORDER BY 1`)).rows;
  return Object.fromEntries(rows.map((row) => [row.status, Number(row.n)]));
}

/**
 * A checkpoint of the chain's head once the events are in, as the server writes every hour
 * (server/access-log/checkpoint.ts), so that a five-year log has one, as a unit's would. Without
 * it the first scheduled checkpoint of a server on the new profile counts the whole log (40
 * million events: 16 s of both cores, 5.7 GB read) five minutes into whatever is measured
 * there — a benchmark run of issue 11 saw recording an event at 2.75 ms for it. Counted
 * once here, just after the load's VACUUM (an index-only scan); later checkpoints count on from
 * it. A row only: the anchor file is the serving deployment's, shipped off by it. Returns 1 when
 * a checkpoint was written, 0 when the head has one already (a rerun) or the log is empty.
 */
async function checkpointHead(client: pg.Client): Promise<number> {
  const written = await client.query(`
    INSERT INTO "AccessLogCheckpoint" (seq, hash, count, note)
    SELECT h."lastSeq", h.hash, (SELECT count(*) FROM "AccessEvent" e WHERE e.seq <= h."lastSeq"), 'seeded profile'
      FROM "AccessLogHead" h
     WHERE h.id = 1 AND h."lastSeq" > 0 AND NOT EXISTS (SELECT 1 FROM "AccessLogCheckpoint" c WHERE c.seq = h."lastSeq")`);
  return written.rowCount ?? 0;
}

/** `log` replaces the messages above the progress line; `quiet` drops the progress line (tests). */
export async function seedProfile(url: string, profile: Profile, options: { force?: boolean; log?: (message: string) => void; quiet?: boolean } = {}): Promise<ProfileSummary> {
  const started = performance.now();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  try {
    const refusal = await nonDemoData(client);
    if (refusal.length > 0 && !options.force) {
      throw new NonDemoDataError(`This database holds data that is not demo data: ${refusal.join('; ')}. `
        + 'A profile adds millions of generated rows to it; run it on a demo database, or pass --force.');
    }
    const now = Date.now();
    const line = timeline(now, profile.days, profile.seasonal);
    const plan = planBatches(line, profile.travellersPerDay, profile.batchSize);
    const before = await counts(client);
    const progress = new Progress([
      { name: 'screening batches', rows: plan.batches },
      { name: 'hits', rows: Math.max(0, profile.hits - before.hits!) * ROWS_PER_HIT },
      { name: 'disclosure packages', rows: Math.max(0, Math.round(profile.escalations * (1 - profile.rejectedShare)) - before.disclosurePackages!) },
      { name: 'access events', rows: Math.max(0, profile.accessEvents - before.accessEvents!) },
    ], options.quiet ? { isTTY: false, write: () => true } : process.stderr);
    const log = options.log ?? ((message: string) => progress.log(message));
    if (refusal.length > 0) log(`profile: --force: going ahead although ${refusal.join('; ')}`);
    log(`profile ${profile.name}: ${profile.hits.toLocaleString('en')} hits, ${profile.accessEvents.toLocaleString('en')} access events, `
      + `~${profile.escalations.toLocaleString('en')} escalations, ${plan.batches.toLocaleString('en')} screening batches for `
      + `${plan.travellers.toLocaleString('en')} travellers over ${profile.days} days ending ${new Date(now).toISOString()}`);
    const steps: ProfileSummary['steps'] = [];
    const step = async (name: string, run: () => Promise<number>) => {
      const t0 = performance.now();
      const added = await run();
      steps.push({ step: name, seconds: Number(((performance.now() - t0) / 1000).toFixed(1)), added });
      log(`profile: ${name}: ${added.toLocaleString('en')} added in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    };

    if (await isEmpty(url)) {
      await step('normal seed', async () => {
        log('profile: the database is empty: running the normal seed first');
        await seed(url);
        return (await counts(client)).hits!;
      });
    }
    await step('screening batches', () => ensureScreeningBatches(client, plan, now, (done) => progress.update('screening batches', done, plan.batches)));
    await step('hits', async () => {
      const first = (await counts(client)).hits!;
      const result = await ensureScaleHits(url, profile.hits, log, {
        timeline: line,
        outcomes: profileOutcomes(profile),
        pendingEscalations: true,
        batches: { firstDay: plan.firstDay, counts: plan.counts },
        onProgress: (hits, target) => progress.update('hits', (hits - first) * ROWS_PER_HIT, (target - first) * ROWS_PER_HIT),
      });
      await countBatchHits(client);
      return result.added;
    });
    const packages = Math.round(profile.escalations * (1 - profile.rejectedShare));
    await step('disclosure packages', () => ensureDisclosurePackages(prisma, env().DISCLOSURE_VALID_DAYS, (done) => progress.update('disclosure packages', done, packages)));
    await step('access events', async () => {
      const result = await ensureScaleEvents(url, profile.accessEvents, log, {
        timeline: line,
        shares: { reveal: profile.revealShare },
        onProgress: (events, target) => progress.update('access events', events - before.accessEvents!, target - before.accessEvents!),
      });
      return result.added;
    });
    await step('access-log checkpoint', () => checkpointHead(client));
    await step('rollup compaction and statistics', async () => {
      await client.query('SELECT metrics_rollups_compact()');
      await client.query('SELECT retention_state_compact()');
      await client.query('VACUUM (ANALYZE) "ScreeningBatch", "DisclosurePackage"');
      // FULL: every chunk of the load upserted the same day rows again, which left the rollups
      // 15–40 times their size in dead rows (five-year profile: HitDailyRollup 270 MB for
      // 106,400 rows, 17 MB after), and the metrics read them whole: a year's metrics 2.5 s → 1.2 s.
      await client.query('VACUUM (FULL, ANALYZE) "HitDailyRollup", "TravellerDailyRollup", "HitReviewTimeRollup", "RetentionStateRollup", "HitRevealRollup", "ScreenedDailyRollup", "HitEscalationRollup"');
      return 0;
    });
    progress.finish();
    const rollups = await compareRollups(client);
    return {
      profile,
      steps,
      seconds: Number(((performance.now() - started) / 1000).toFixed(1)),
      counts: await counts(client),
      hitsByStatus: await byStatus(client, 'Hit'),
      escalationsByStatus: await byStatus(client, 'Escalation'),
      rollups,
      rollupsAgree: rollups.every((r) => r.keysDiffering === 0 && r.fromRollup === r.fromRows),
    };
  } finally {
    await prisma.$disconnect();
    await client.end();
  }
}
