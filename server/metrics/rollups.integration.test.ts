import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, test } from 'node:test';
import type { HitStatus } from '@/generated/prisma/enums';
import { db } from '@/server/db';
import { decideEscalation } from '@/server/escalations/decide-escalation';
import { requestEscalation } from '@/server/escalations/request-escalation';
import { chainAccessEvents } from '@/server/access-log/chainer';
import { decideHit } from '@/server/hits/decide-hit';
import { revealField } from '@/server/hits/reveal-field';
import { runRetention } from '@/server/retention/run-retention';
import { callerFor, createHit, createUser } from '@/server/testing/factories';
import { getMetrics } from './get-metrics';
import { bucketOf } from './period';
import { reviewTimeBand, reviewTimeBandWidth } from './review-time-buckets';
import { compactMetricsRollups } from './rollup-schedule';

after(() => db().$disconnect());

// The figures read from the rollups (./rollups.md) against the same figures computed by brute
// force over the raw rows — the queries the metrics ran before the rollups, kept here as the
// oracle — on data written every way the app and the seed write it: single and multi-row
// inserts, the real review and escalation flows, direct updates (status, times, nationality,
// batch), escalations inserted several at once. Then erasure by the retention job must leave
// the period's figures as they were. The period (February 2013) is this file's alone.

const FROM = '2013-02-04';
const TO = '2013-02-17';
const START = new Date(`${FROM}T00:00:00Z`);
const END = new Date(Date.parse(`${TO}T00:00:00Z`) + 86_400_000);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A small deterministic PRNG, so a failure can be replayed. */
function prng(seed: number) {
  let state = seed;
  return () => ((state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
}

type Counted = bigint | number | null;
const n = (value: Counted | string | undefined) => (value === null || value === undefined ? 0 : Number(value));

/**
 * The raw-row figures, per day bucket (the period is read by day); `now` decides which reveals
 * can be judged: those of the days before yesterday (UTC), all older than 24 hours.
 */
async function bruteForce(now: Date) {
  const judgeBefore = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - DAY);
  const funnel = await db().$queryRaw<{ bucket: string; hits: Counted; reviewed: Counted; cleared: Counted; confirmed: Counted }[]>`
    SELECT to_char(date_trunc('day', h."createdAt" AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS bucket, count(*) AS hits,
      count(*) FILTER (WHERE h.status IN ('CLEARED', 'CONFIRMED', 'ESCALATION_PENDING', 'ESCALATED')) AS reviewed,
      count(*) FILTER (WHERE h.status = 'CLEARED') AS cleared,
      count(*) FILTER (WHERE h.status IN ('CONFIRMED', 'ESCALATION_PENDING', 'ESCALATED')) AS confirmed
    FROM "Hit" h WHERE h."createdAt" >= ${START} AND h."createdAt" < ${END} GROUP BY 1`;
  const falsePositives = await db().$queryRaw<{ source: string | null; category: string | null; hits: Counted; decided: Counted; cleared: Counted }[]>`
    SELECT s.code AS source, h."offenceCategory" AS category, count(*) AS hits,
      count(*) FILTER (WHERE h.status IN ('CLEARED', 'CONFIRMED', 'ESCALATION_PENDING', 'ESCALATED')) AS decided,
      count(*) FILTER (WHERE h.status = 'CLEARED') AS cleared
    FROM "Hit" h JOIN "WatchlistSource" s ON s.id = h."sourceId"
    WHERE h."createdAt" >= ${START} AND h."createdAt" < ${END}
    GROUP BY GROUPING SETS ((s.code), (h."offenceCategory"))`;
  const reviewTimes = await db().$queryRaw<{ bucket: string | null; decided: Counted; median: number | null; p90: number | null; late: Counted }[]>`
    WITH first_request AS (
      SELECT e."hitId", min(e."createdAt") AS at FROM "Escalation" e WHERE e."createdAt" >= ${START} GROUP BY e."hitId"),
    decided AS (
      SELECT to_char(date_trunc('day', h."createdAt" AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS bucket,
        extract(epoch FROM least(h."decidedAt", r.at) - h."createdAt") AS seconds,
        least(h."decidedAt", r.at) > h."dueAt" AS late
      FROM "Hit" h LEFT JOIN first_request r ON r."hitId" = h.id
      WHERE h."createdAt" >= ${START} AND h."createdAt" < ${END}
        AND h.status IN ('CLEARED', 'CONFIRMED', 'ESCALATION_PENDING', 'ESCALATED') AND coalesce(h."decidedAt", r.at) IS NOT NULL)
    SELECT bucket, count(*) AS decided,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY seconds)::float8 AS median,
      percentile_cont(0.9) WITHIN GROUP (ORDER BY seconds)::float8 AS p90,
      count(*) FILTER (WHERE late) AS late
    FROM decided GROUP BY GROUPING SETS ((bucket), ())`;
  const disparity = await db().$queryRaw<{ nationality: string | null; travellers: Counted; withHit: Counted; decided: Counted; cleared: Counted }[]>`
    WITH per_traveller AS (
      SELECT h."travellerId", count(*) FILTER (WHERE h.status IN ('CLEARED', 'CONFIRMED', 'ESCALATION_PENDING', 'ESCALATED')) AS decided,
        count(*) FILTER (WHERE h.status = 'CLEARED') AS cleared
      FROM "Hit" h WHERE h."createdAt" >= ${START} GROUP BY h."travellerId"),
    travellers AS (
      SELECT t.nationality, x."travellerId" IS NOT NULL AS "hasHit", coalesce(x.decided, 0) AS decided, coalesce(x.cleared, 0) AS cleared,
        b.kind IS DISTINCT FROM 'EXTERNAL' AS screened
      FROM "Traveller" t
      LEFT JOIN "ScreeningBatch" b ON b.id = t."screeningBatchId"
      LEFT JOIN per_traveller x ON x."travellerId" = t.id
      WHERE t."collectedAt" >= ${START} AND t."collectedAt" < ${END})
    SELECT nationality, count(*) FILTER (WHERE screened) AS travellers, count(*) FILTER (WHERE screened AND "hasHit") AS "withHit",
      sum(decided) AS decided, sum(cleared) AS cleared
    FROM travellers GROUP BY nationality`;
  // The queries intrusion.ts, screened.ts and funnel.ts ran before their rollups.
  const reveals = await db().$queryRaw<{ bucket: string; reveals: Counted; judged: Counted; unfollowed: Counted }[]>`
    SELECT to_char(date_trunc('day', h."createdAt" AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS bucket, count(*) AS reveals,
      count(*) FILTER (WHERE e.at < ${judgeBefore}) AS judged,
      count(*) FILTER (WHERE e.at < ${judgeBefore} AND NOT EXISTS (
        SELECT 1 FROM "HitEvent" he
        WHERE he."hitId" = h.id AND he."actorId" = e."actorId"
          AND he.type IN ('CLEARED', 'CONFIRMED', 'ESCALATION_REQUESTED')
          AND he.at BETWEEN e.at AND e.at + interval '24 hours')) AS unfollowed
    FROM "AccessEvent" e
    JOIN "Hit" h ON h.id = e."resourceId"::uuid
    WHERE e.operation = 'CONSULTATION' AND e."resourceType" = 'hit' AND (e.details ->> 'view') = 'reveal'
      AND e.at >= ${START} AND h."createdAt" >= ${START} AND h."createdAt" < ${END}
    GROUP BY 1`;
  const screened = await db().$queryRaw<{ bucket: string; screened: Counted }[]>`
    WITH per_source AS (
      SELECT b.day, b."sourceId", sum(b."travellersScreened") AS n
      FROM "ScreeningBatch" b
      WHERE b.day >= ${FROM}::date AND b.day <= ${TO}::date AND b.status = 'COMPLETED'
      GROUP BY b.day, b."sourceId"),
    daily AS (
      SELECT day, coalesce(max(n) FILTER (WHERE "sourceId" IS NOT NULL), 0) + coalesce(sum(n) FILTER (WHERE "sourceId" IS NULL), 0) AS n
      FROM per_source GROUP BY day)
    SELECT to_char(day, 'YYYY-MM-DD') AS bucket, sum(n) AS screened FROM daily GROUP BY 1`;
  const escalations = await db().$queryRaw<{ bucket: string; requested: Counted; approved: Counted; disclosed: Counted }[]>`
    SELECT to_char(date_trunc('day', h."createdAt" AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS bucket,
      count(DISTINCT e."hitId") AS requested,
      count(DISTINCT e."hitId") FILTER (WHERE e.status = 'APPROVED') AS approved,
      count(DISTINCT e."hitId") FILTER (WHERE p.id IS NOT NULL) AS disclosed
    FROM "Escalation" e
    JOIN "Hit" h ON h.id = e."hitId"
    LEFT JOIN "DisclosurePackage" p ON p."escalationId" = e.id
    WHERE e."createdAt" >= ${START} AND h."createdAt" >= ${START} AND h."createdAt" < ${END}
    GROUP BY 1`;
  return { funnel, falsePositives, reviewTimes, disparity, reveals, screened, escalations };
}

/** Every rollup-based figure of the report against the brute-force one. */
async function assertFiguresMatch(label: string, now = new Date()) {
  const supervisor = callerFor(await createUser('SUPERVISOR'));
  const report = await getMetrics(supervisor, { from: FROM, to: TO, granularity: 'day', minTravellers: '1', minDecided: '1' }, { now });
  const truth = await bruteForce(now);

  const funnelTruth = new Map(truth.funnel.map((row) => [row.bucket, row]));
  for (const bucket of report.funnel.buckets) {
    const row = funnelTruth.get(bucket.bucket);
    const { hits, reviewed, cleared, confirmed } = bucket.counts;
    assert.deepEqual({ hits, reviewed, cleared, confirmed }, { hits: n(row?.hits), reviewed: n(row?.reviewed), cleared: n(row?.cleared), confirmed: n(row?.confirmed) }, `${label}: funnel ${bucket.bucket}`);
  }
  assert.ok(report.funnel.totals.hits > 50, `${label}: the period has data (${report.funnel.totals.hits} hits)`);

  // Travellers screened (ScreenedDailyRollup) and the escalation stages (HitEscalationRollup).
  const screenedTruth = new Map(truth.screened.map((row) => [row.bucket, n(row.screened)]));
  const escalationTruth = new Map(truth.escalations.map((row) => [row.bucket, row]));
  for (const bucket of report.funnel.buckets) {
    assert.equal(bucket.counts.screened, screenedTruth.get(bucket.bucket) ?? 0, `${label}: screened ${bucket.bucket}`);
    const row = escalationTruth.get(bucket.bucket);
    const { escalationRequested, approved, disclosed } = bucket.counts;
    assert.deepEqual({ escalationRequested, approved, disclosed }, { escalationRequested: n(row?.requested), approved: n(row?.approved), disclosed: n(row?.disclosed) }, `${label}: escalation stages ${bucket.bucket}`);
  }
  assert.ok(report.funnel.totals.screened > 0 && report.funnel.totals.escalationRequested > 0, `${label}: screened travellers and escalations in the period`);

  // Reveals (HitRevealRollup, and the last 24 hours' from the log): per bucket, judged and not followed by a decision.
  const revealTruth = new Map(truth.reveals.map((row) => [row.bucket, n(row.reveals)]));
  for (const bucket of report.intrusion.buckets) assert.equal(bucket.reveals, revealTruth.get(bucket.bucket) ?? 0, `${label}: reveals ${bucket.bucket}`);
  const sum = (pick: (row: (typeof truth.reveals)[number]) => Counted) => truth.reveals.reduce((total, row) => total + n(pick(row)), 0);
  const { reveals, judgedReveals, revealsWithoutDecision } = report.intrusion.totals;
  assert.deepEqual({ reveals, judgedReveals, revealsWithoutDecision }, { reveals: sum((row) => row.reveals), judgedReveals: sum((row) => row.judged), revealsWithoutDecision: sum((row) => row.unfollowed) }, `${label}: intrusion`);

  const sources = new Map((await db().watchlistSource.findMany({ select: { id: true, code: true } })).map((source) => [source.code, source.id]));
  const figure = (row: { hits: number; decided: number; cleared: number; falsePositiveRate: number | null }) => [row.hits, row.decided, row.cleared, row.falsePositiveRate];
  const expected = (row: (typeof truth.falsePositives)[number]) => [n(row.hits), n(row.decided), n(row.cleared), n(row.decided) > 0 ? n(row.cleared) / n(row.decided) : null];
  const bySource = truth.falsePositives.filter((row) => row.source !== null);
  const byCategory = truth.falsePositives.filter((row) => row.source === null);
  assert.deepEqual(
    Object.fromEntries(report.falsePositives.bySource.map((row) => [row.key, figure(row)])),
    Object.fromEntries(bySource.map((row) => [row.source, expected(row)])),
    `${label}: false positives by source`,
  );
  assert.ok(bySource.every((row) => sources.has(row.source as string)));
  assert.deepEqual(
    Object.fromEntries(report.falsePositives.byCategory.map((row) => [row.key, figure(row)])),
    Object.fromEntries(byCategory.map((row) => [row.category, expected(row)])),
    `${label}: false positives by category`,
  );

  // Review time: counts exact; percentiles within the width of the band they fall in.
  const close = (hours: number | null, seconds: number | null, where: string) => {
    if (seconds === null) return assert.equal(hours, null, where);
    const ms = seconds * 1000;
    assert.ok(hours !== null && Math.abs(hours * HOUR - ms) <= reviewTimeBandWidth(reviewTimeBand(ms)), `${where}: ${hours} h against ${seconds / 3600} h`);
  };
  const reviewTruth = new Map(truth.reviewTimes.map((row) => [row.bucket ?? 'all', row]));
  for (const row of [report.reviewTime.overall, ...report.reviewTime.buckets]) {
    const exact = reviewTruth.get(row.bucket);
    assert.deepEqual([row.decided, row.pastDeadline], [n(exact?.decided), n(exact?.late)], `${label}: review time ${row.bucket}`);
    close(row.medianHours, exact?.median ?? null, `${label}: median ${row.bucket}`);
    close(row.p90Hours, exact?.p90 ?? null, `${label}: p90 ${row.bucket}`);
  }

  const disparityTruth = truth.disparity.map((row) => [row.nationality?.trim() || null, n(row.travellers), n(row.withHit), n(row.decided), n(row.cleared)]);
  const disparityFigures = report.disparity.groups.map((row) => [row.nationality, row.travellers, row.travellersWithHit, row.decided, row.cleared]);
  const byKey = (a: unknown[], b: unknown[]) => String(a[0]).localeCompare(String(b[0]));
  assert.deepEqual(disparityFigures.sort(byKey), disparityTruth.sort(byKey), `${label}: disparity`);

  // By week the period is two whole weeks, read from the weekly sums and the differences not
  // yet merged into them (weekly-source.ts): each week is the sum of its days above.
  const weekly = await getMetrics(supervisor, { from: FROM, to: TO, granularity: 'week', minTravellers: '1', minDecided: '1' }, { now });
  const summedByWeek = new Map<string, number[]>();
  for (const bucket of report.funnel.buckets) {
    const review = report.reviewTime.buckets.find((row) => row.bucket === bucket.bucket);
    const figures = [...Object.values(bucket.counts), review?.decided ?? 0, review?.pastDeadline ?? 0];
    const week = bucketOf(bucket.bucket, 'week');
    summedByWeek.set(week, (summedByWeek.get(week) ?? figures.map(() => 0)).map((total, i) => total + (figures[i] as number)));
  }
  assert.deepEqual(
    weekly.funnel.buckets.map((bucket) => {
      const review = weekly.reviewTime.buckets.find((row) => row.bucket === bucket.bucket);
      return [bucket.bucket, [...Object.values(bucket.counts), review?.decided ?? 0, review?.pastDeadline ?? 0]];
    }),
    [...summedByWeek],
    `${label}: by week, the funnel and review counts`,
  );
  assert.deepEqual(weekly.reviewTime.overall, report.reviewTime.overall, `${label}: by week, the review time overall`);
  assert.deepEqual(weekly.falsePositives, report.falsePositives, `${label}: by week, the false positives`);
  assert.deepEqual(weekly.disparity, report.disparity, `${label}: by week, the disparity`);
  return report;
}

let periodReport: Awaited<ReturnType<typeof getMetrics>> | undefined;
let laterReport: Awaited<ReturnType<typeof getMetrics>> | undefined;

test('every rollup-based figure equals the brute-force computation over the raw rows, however the rows were written', async () => {
  const random = prng(2013);
  const analyst = callerFor(await createUser('ANALYST'));
  const requester = callerFor(await createUser('ANALYST'));
  const supervisor = callerFor(await createUser('SUPERVISOR'));
  const lists = [`ROLLUP-A-${randomUUID().slice(0, 6)}`, `ROLLUP-B-${randomUUID().slice(0, 6)}`];
  const nationalities = ['ZYA', 'ZYB', 'ZYC', null];
  const categories = ['terrorism', 'fraud', 'trafficking in human beings'];
  const statuses: HitStatus[] = ['NEW', 'IN_REVIEW', 'CLEARED', 'CONFIRMED', 'ESCALATION_PENDING', 'ESCALATED'];
  const pick = <T,>(values: readonly T[]) => values[Math.floor(random() * values.length)] as T;
  const screening = await db().screeningBatch.create({ data: { day: START, travellersScreened: 500, kind: 'SCREENING' } });
  const external = await db().screeningBatch.create({ data: { day: START, travellersScreened: 10, kind: 'EXTERNAL' } });

  // One hit at a time (the factory's single-row inserts), then moved into the period by direct updates.
  const hits: { id: string; travellerId: string; sourceId: string; entryId: string }[] = [];
  for (let i = 0; i < 48; i++) {
    const { hit, traveller, source, entry } = await createHit({ sourceCode: pick(lists) });
    const createdAt = new Date(START.getTime() + Math.floor(random() * 14 * DAY));
    const status = pick(statuses);
    const decided = !['NEW', 'IN_REVIEW'].includes(status);
    await db().traveller.update({
      where: { id: traveller.id },
      data: { collectedAt: createdAt, nationality: pick(nationalities), screeningBatchId: random() < 0.2 ? external.id : screening.id },
    });
    await db().hit.update({
      where: { id: hit.id },
      data: {
        createdAt, dueAt: new Date(createdAt.getTime() + 12 * HOUR), status, offenceCategory: pick(categories),
        decidedAt: decided && status !== 'ESCALATION_PENDING' ? new Date(createdAt.getTime() + Math.round(random() * 30 * HOUR)) : null,
      },
    });
    hits.push({ id: hit.id, travellerId: traveller.id, sourceId: source.id, entryId: entry.id });
  }

  // Screening batches (ScreenedDailyRollup): per list and against every list at once, several in one
  // statement, one that failed, one finished later, one corrected and moved to another day.
  const listIds = [...new Set(hits.map((hit) => hit.sourceId))];
  const onDay = (i: number) => new Date(START.getTime() + i * DAY);
  await db().screeningBatch.createMany({
    data: [
      { day: onDay(1), sourceId: listIds[0], travellersScreened: 300, kind: 'SCREENING' },
      { day: onDay(1), sourceId: listIds[1] ?? null, travellersScreened: 280, kind: 'SCREENING' },
      { day: onDay(1), sourceId: listIds[0], travellersScreened: 50, kind: 'SCREENING' },
      { day: onDay(2), travellersScreened: 120, kind: 'SCREENING' },
      { day: onDay(3), sourceId: listIds[0], travellersScreened: 70, kind: 'SCREENING', status: 'FAILED' },
    ],
  });
  const running = await db().screeningBatch.create({ data: { day: onDay(4), sourceId: listIds[0], travellersScreened: 40, kind: 'SCREENING', status: 'RUNNING' } });
  const corrected = await db().screeningBatch.create({ data: { day: onDay(5), travellersScreened: 10, kind: 'SCREENING' } });

  // Many rows per statement, as ingestion and the seed write: travellers without hits, then hits for some of them.
  const batchTravellers = Array.from({ length: 60 }, (_, i) => {
    const collectedAt = new Date(START.getTime() + Math.floor(random() * 14 * DAY));
    return { id: randomUUID(), nationality: pick(nationalities), flightNumber: 'LH401', flightDate: collectedAt, departureAirport: 'JFK', arrivalAirport: 'FRA', collectedAt, screeningBatchId: i % 7 === 0 ? external.id : screening.id };
  });
  await db().traveller.createMany({ data: batchTravellers });
  const template = hits[0]!;
  const bulkHits = batchTravellers.slice(0, 40).flatMap((traveller, i) =>
    Array.from({ length: 1 + (i % 3 === 0 ? 1 : 0) }, () => {
      const status = pick(statuses);
      const createdAt = new Date(traveller.collectedAt.getTime() + Math.floor(random() * 2 * HOUR));
      return {
        id: randomUUID(), travellerId: traveller.id, entryId: template.entryId, entryVersion: 1, sourceId: pick(hits).sourceId, offenceCategory: pick(categories),
        flightDate: traveller.flightDate, score: 0.9, status, createdAt, dueAt: new Date(createdAt.getTime() + 12 * HOUR),
        decidedAt: ['CLEARED', 'CONFIRMED', 'ESCALATED'].includes(status) ? new Date(createdAt.getTime() + Math.round(random() * 20 * HOUR)) : null,
      };
    }),
  );
  await db().hit.createMany({ data: bulkHits });
  // Two escalations of one hit and one of another in a single statement; the earliest request is the first decision.
  const recipient = await db().recipientAuthority.upsert({ where: { name: 'Rollup test police' }, update: {}, create: { name: 'Rollup test police', country: 'DEU' } });
  const escalated = bulkHits.filter((hit) => hit.status === 'ESCALATED' || hit.status === 'ESCALATION_PENDING').slice(0, 2);
  const escalation = (hitId: string, createdAt: Date) => ({
    hitId, requesterId: requester.actorId as string, legalBasis: 'PNR_6_2_A', offenceCategory: 'terrorism', objectiveFacts: 'Facts.', necessity: 'Necessary.',
    dataCategories: ['PASSPORT'], recipientId: recipient.id, status: 'APPROVED' as const, createdAt,
  });
  await db().escalation.createMany({
    data: escalated.flatMap((hit, i) => [escalation(hit.id, new Date(hit.createdAt.getTime() + (i + 1) * HOUR)), ...(i === 0 ? [escalation(hit.id, new Date(hit.createdAt.getTime() + 30 * 60_000))] : [])]),
  });

  await assertFiguresMatch('after the inserts');
  await compactMetricsRollups();
  await assertFiguresMatch('after compaction');

  // The real flows on open hits of the period, and direct changes the rollups must follow.
  const open = await db().hit.findMany({ where: { id: { in: hits.map((hit) => hit.id) }, status: { in: ['NEW', 'IN_REVIEW'] } }, select: { id: true, version: true } });
  // Reveals (HitRevealRollup): by the user who then decides the hit (followed), by another user
  // (never followed), twice, and on a hit nobody decides. The first half reach the log before
  // the decisions (the decisions' trigger counts them followed), the rest after them (the
  // reveals' trigger does).
  const other = callerFor(await createUser('ANALYST'));
  const reveal = (caller: typeof analyst, hitId: string) => revealField(caller, hitId, { field: 'documentNumber', purpose: 'DOCUMENT_CHECK' });
  for (const [i, hit] of open.entries()) {
    const decider = i % 3 === 2 ? requester : analyst;
    await reveal(i % 4 === 3 ? other : decider, hit.id);
    if (i % 5 === 0) await reveal(decider, hit.id);
    if (i === Math.floor(open.length / 2)) await chainAccessEvents();
  }
  const undecided = bulkHits.find((hit) => hit.status === 'NEW');
  if (undecided) await reveal(analyst, undecided.id);
  assert.ok(open.length >= 6, `enough open hits to reveal (${open.length})`);
  for (const [i, hit] of open.entries()) {
    if (i % 3 === 0) await decideHit(analyst, hit.id, { decision: 'clear', reason: 'DIFFERENT_DOB', version: hit.version });
    else if (i % 3 === 1) await decideHit(analyst, hit.id, { decision: 'confirm', note: 'Same passport.', version: hit.version });
    else {
      const request = await requestEscalation(requester, hit.id, {
        legalBasis: 'PNR_6_2_A', offenceCategory: 'terrorism', objectiveFacts: 'Same family name, date of birth and passport series as the listed person.',
        necessity: 'The federal police need identity and itinerary to act on the alert before the flight.', dataCategories: ['PASSPORT'],
        recipientId: recipient.id, urgency: 'ROUTINE', hitVersion: hit.version,
      });
      const version = (await db().escalation.findUniqueOrThrow({ where: { id: request.id } })).version;
      if (i % 2 === 0) await decideEscalation(supervisor, request.id, { decision: 'approve', version });
      else await decideEscalation(supervisor, request.id, { decision: 'reject', note: 'Not enough facts beyond the name.', version });
    }
  }
  await chainAccessEvents();
  const moved = hits.slice(0, 6);
  // A revealed hit moved to another day takes its reveals along.
  await reveal(analyst, moved[3]!.id);
  await chainAccessEvents();
  await db().traveller.update({ where: { id: moved[0]!.travellerId }, data: { nationality: 'ZYD' } });
  await db().traveller.update({ where: { id: moved[1]!.travellerId }, data: { collectedAt: new Date(START.getTime() + 13 * DAY + HOUR) } });
  await db().traveller.update({ where: { id: moved[2]!.travellerId }, data: { screeningBatchId: external.id } });
  await db().hit.update({ where: { id: moved[3]!.id }, data: { createdAt: new Date(START.getTime() + 12 * DAY + 5 * HOUR), status: 'CLEARED', decidedAt: new Date(START.getTime() + 12 * DAY + 9 * HOUR) } });
  await db().hit.updateMany({ where: { id: { in: moved.slice(4).map((hit) => hit.id) } }, data: { status: 'IN_REVIEW', decidedAt: null } });
  await db().hit.update({ where: { id: moved[5]!.id }, data: { travellerId: batchTravellers[50]!.id } });

  // Batches finished, corrected and moved; an approved escalation withdrawn.
  await db().screeningBatch.update({ where: { id: running.id }, data: { status: 'COMPLETED', travellersScreened: 45 } });
  await db().screeningBatch.update({ where: { id: corrected.id }, data: { travellersScreened: 12, day: onDay(6) } });
  await db().escalation.updateMany({ where: { hitId: escalated[1]?.id ?? escalated[0]!.id }, data: { status: 'WITHDRAWN' } });

  periodReport = await assertFiguresMatch('after the flows and direct changes');
  laterReport = await assertFiguresMatch('two days on, every reveal judged', new Date(Date.now() + 2 * DAY));
  await compactMetricsRollups();
  await assertFiguresMatch('after the flows, compacted');
  await assertFiguresMatch('after the flows, compacted, two days on', new Date(Date.now() + 2 * DAY));
});

test('erasing the period’s travellers with the retention job leaves its rollup-based figures as they were', async () => {
  assert.ok(periodReport, 'runs after the test above');
  const supervisor = callerFor(await createUser('SUPERVISOR'));
  const inPeriod = { collectedAt: { gte: START, lt: END } };
  const before = await db().traveller.count({ where: inPeriod });
  // Now is 13 years after the period: past the 5-year limit, everything not held is erased.
  const run = await runRetention();
  assert.ok(run && run.erased > 0, 'the job erased travellers');
  const left = await db().traveller.count({ where: inPeriod });
  assert.ok(left < before / 2, `most of the period's ${before} travellers are erased (${left} held)`);

  const report = await getMetrics(supervisor, { from: FROM, to: TO, granularity: 'day', minTravellers: '1', minDecided: '1' });
  const rollupFigures = (r: NonNullable<typeof periodReport>) => ({
    funnel: r.funnel.buckets.map(({ bucket, counts }) => [bucket, counts.screened, counts.hits, counts.reviewed, counts.cleared, counts.confirmed, counts.escalationRequested, counts.approved, counts.disclosed]),
    reveals: r.intrusion.buckets.map(({ bucket, reveals }) => [bucket, reveals]),
    falsePositives: r.falsePositives,
    reviewTime: [r.reviewTime.overall, ...r.reviewTime.buckets],
    disparity: { overall: r.disparity.overall, groups: r.disparity.groups },
  });
  assert.deepEqual(rollupFigures(report), rollupFigures(periodReport));
  // Judged two days on (the reveals of the last 24 hours come from the log, where an erased hit's are gone).
  const later = await getMetrics(supervisor, { from: FROM, to: TO, granularity: 'day', minTravellers: '1', minDecided: '1' }, { now: new Date(Date.now() + 2 * DAY) });
  assert.ok(laterReport);
  assert.deepEqual(later.intrusion.totals, laterReport.intrusion.totals);
});

// Last: it adds to the period after the erasure test compared it.
test('a reveal and the decision that follows it, in either order of reaching the tables, count it followed once', async () => {
  const analyst = callerFor(await createUser('ANALYST'));
  const later = new Date(Date.now() + 2 * DAY);
  const figures = async () => (await getMetrics(callerFor(await createUser('SUPERVISOR')), { from: FROM, to: TO, granularity: 'day' }, { now: later })).intrusion.totals;
  const before = await figures();
  const revealedHit = async () => {
    const { hit } = await createHit();
    await db().hit.update({ where: { id: hit.id }, data: { createdAt: new Date(START.getTime() + 3 * DAY) } });
    await revealField(analyst, hit.id, { field: 'documentNumber', purpose: 'DOCUMENT_CHECK' });
    return hit.id;
  };
  const version = async (id: string) => (await db().hit.findUniqueOrThrow({ where: { id } })).version;
  // Chained first, then decided: the decision's trigger finds the reveal.
  const first = await revealedHit();
  await chainAccessEvents();
  await decideHit(analyst, first, { decision: 'clear', reason: 'DIFFERENT_DOB', version: await version(first) });
  // Decided first, then chained: the reveal's trigger finds the decision.
  const second = await revealedHit();
  await decideHit(analyst, second, { decision: 'confirm', note: 'Same passport.', version: await version(second) });
  await chainAccessEvents();
  // Revealed, never decided.
  await revealedHit();
  await chainAccessEvents();
  const after = await figures();
  assert.deepEqual(
    { reveals: after.reveals - before.reveals, judged: after.judgedReveals - before.judgedReveals, unfollowed: after.revealsWithoutDecision - before.revealsWithoutDecision },
    { reveals: 3, judged: 3, unfollowed: 1 },
  );
});
