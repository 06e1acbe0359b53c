import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, test } from 'node:test';
import type { HitStatus } from '@/generated/prisma/enums';
import type { EscalationRequestInput } from '@/lib/schemas/escalation';
import { ForbiddenError } from '@/server/auth/errors';
import { db } from '@/server/db';
import { ValidationError } from '@/server/errors';
import { decideEscalation } from '@/server/escalations/decide-escalation';
import { requestEscalation } from '@/server/escalations/request-escalation';
import { decideHit } from '@/server/hits/decide-hit';
import { revealField } from '@/server/hits/reveal-field';
import { readRetentionLimits } from '@/server/retention/retention-policies';
import { callerFor, chainedAccessEvents, createHit, createUser } from '@/server/testing/factories';
import { exportMetricsChart, exportPnrStatistics } from './export-metrics';
import { getMetrics } from './get-metrics';
import { getPnrStatistics } from './pnr-statistics';

after(() => db().$disconnect());

// Each test works in its own period in 2012, which no other test touches, so the period's
// figures are exactly the data built here. Figures about "now" (queue, retention) are
// compared before and after the data are added.

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const at = (iso: string) => new Date(`${iso}Z`);
const unique = () => randomUUID().slice(0, 8).toUpperCase();

/** A hit created at `createdAt` (its traveller collected then), in the given state. */
async function hitAt(createdAt: Date, options: { status?: HitStatus; decidedAfterHours?: number; sourceCode?: string; category?: string; nationality?: string } = {}) {
  const created = await createHit({ sourceCode: options.sourceCode });
  const hit = await db().hit.update({
    where: { id: created.hit.id },
    data: {
      createdAt,
      dueAt: new Date(createdAt.getTime() + 12 * HOUR),
      status: options.status ?? 'NEW',
      decidedAt: options.decidedAfterHours === undefined ? null : new Date(createdAt.getTime() + options.decidedAfterHours * HOUR),
      ...(options.category ? { offenceCategory: options.category } : {}),
    },
  });
  await db().traveller.update({ where: { id: created.traveller.id }, data: { collectedAt: createdAt, ...(options.nationality ? { nationality: options.nationality } : {}) } });
  return { ...created, hit };
}

async function recipientId(): Promise<string> {
  const recipient = await db().recipientAuthority.upsert({ where: { name: 'Metrics test police' }, update: {}, create: { name: 'Metrics test police', country: 'DEU' } });
  return recipient.id;
}

async function escalationInput(hitVersion: number): Promise<EscalationRequestInput> {
  return {
    legalBasis: 'PNR_6_2_A',
    offenceCategory: 'terrorism',
    objectiveFacts: 'Same family name, date of birth and passport series as the listed person, travelling to the listed area.',
    necessity: 'The federal police need identity and itinerary to act on the alert before the flight; nothing more.',
    dataCategories: ['PASSPORT'],
    recipientId: await recipientId(),
    urgency: 'ROUTINE',
    hitVersion,
  };
}

const escalationVersion = async (id: string) => (await db().escalation.findUniqueOrThrow({ where: { id } })).version;
const hitVersion = async (id: string) => (await db().hit.findUniqueOrThrow({ where: { id } })).version;

/** PostgreSQL's percentile_cont, by hand: linear interpolation between the sorted values. */
function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const position = fraction * (sorted.length - 1);
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return (sorted[low] as number) + ((sorted[high] as number) - (sorted[low] as number)) * (position - low);
}

test('the funnel counts each stage of the period’s hits, written through the real review and escalation flows, with the rates between stages', async () => {
  const supervisor = callerFor(await createUser('SUPERVISOR'));
  const analyst = callerFor(await createUser('ANALYST'));
  const [listA, listB] = [`FUNNEL-A-${unique()}`, `FUNNEL-B-${unique()}`];
  const sourceA = await db().watchlistSource.create({ data: { code: listA, name: 'Funnel list A', defaultLegalBasis: 'Test' } });
  const sourceB = await db().watchlistSource.create({ data: { code: listB, name: 'Funnel list B', defaultLegalBasis: 'Test' } });
  // Monday 5 March 2012: the same 100 travellers through each list, and 50 others through every list at once.
  // Tuesday: two multi-list batches of other travellers. Per day, the largest list plus the multi-list batches.
  await db().screeningBatch.createMany({
    data: [
      { day: at('2012-03-05T00:00:00'), sourceId: sourceA.id, travellersScreened: 100 },
      { day: at('2012-03-05T00:00:00'), sourceId: sourceB.id, travellersScreened: 100 },
      { day: at('2012-03-05T00:00:00'), sourceId: null, travellersScreened: 50, kind: 'SCREENING' },
      { day: at('2012-03-06T00:00:00'), sourceId: null, travellersScreened: 40, kind: 'SCREENING' },
      { day: at('2012-03-06T00:00:00'), sourceId: null, travellersScreened: 30, kind: 'EXTERNAL' },
      { day: at('2012-03-06T00:00:00'), sourceId: sourceA.id, travellersScreened: 5, status: 'RUNNING' },
    ],
  });
  const screenedMonday = 100 + 50;
  const screenedTuesday = 40 + 30;

  const monday = at('2012-03-05T09:00:00');
  const tuesday = at('2012-03-06T09:00:00');
  // Monday: one left new, one in review, one cleared, one confirmed.
  const mondayHits = [await hitAt(monday), await hitAt(monday, { status: 'IN_REVIEW' }), await hitAt(monday), await hitAt(monday)];
  await decideHit(analyst, mondayHits[2]!.hit.id, { decision: 'clear', reason: 'DIFFERENT_DOB', version: await hitVersion(mondayHits[2]!.hit.id) });
  await decideHit(analyst, mondayHits[3]!.hit.id, { decision: 'confirm', note: 'Same passport.', version: await hitVersion(mondayHits[3]!.hit.id) });
  // Tuesday: escalated and approved (disclosed); escalation still pending; escalation rejected, then cleared.
  const approved = await hitAt(tuesday);
  const pending = await hitAt(tuesday);
  const rejected = await hitAt(tuesday);
  const approvedRequest = await requestEscalation(analyst, approved.hit.id, await escalationInput(await hitVersion(approved.hit.id)));
  await decideEscalation(supervisor, approvedRequest.id, { decision: 'approve', version: await escalationVersion(approvedRequest.id) });
  await requestEscalation(analyst, pending.hit.id, await escalationInput(await hitVersion(pending.hit.id)));
  const rejectedRequest = await requestEscalation(analyst, rejected.hit.id, await escalationInput(await hitVersion(rejected.hit.id)));
  await decideEscalation(supervisor, rejectedRequest.id, { decision: 'reject', note: 'Not enough facts beyond the name.', version: await escalationVersion(rejectedRequest.id) });
  await decideHit(analyst, rejected.hit.id, { decision: 'clear', reason: 'DIFFERENT_DOCUMENT', version: await hitVersion(rejected.hit.id) });
  // Outside the period (the day after it ends): not counted.
  await hitAt(at('2012-03-12T00:00:00'));

  const report = await getMetrics(supervisor, { from: '2012-03-05', to: '2012-03-11', granularity: 'day' });
  const expected = {
    screened: screenedMonday + screenedTuesday,
    hits: 7,
    reviewed: 5, // cleared ×2, confirmed, escalation pending, escalated
    cleared: 2,
    confirmed: 3, // confirmed, escalation pending, escalated
    escalationRequested: 3, // approved, pending, rejected
    approved: 1,
    disclosed: 1,
  };
  assert.deepEqual(report.funnel.totals, expected);
  assert.equal(report.funnel.rates.hits, expected.hits / expected.screened);
  assert.equal(report.funnel.rates.reviewed, expected.reviewed / expected.hits);
  assert.equal(report.funnel.rates.cleared, expected.cleared / expected.reviewed);
  assert.equal(report.funnel.rates.escalationRequested, expected.escalationRequested / expected.confirmed);
  assert.equal(report.funnel.rates.approved, expected.approved / expected.escalationRequested);
  assert.equal(report.funnel.rates.disclosed, 1);

  assert.deepEqual(report.funnel.buckets.map((bucket) => bucket.bucket), ['2012-03-05', '2012-03-06', '2012-03-07', '2012-03-08', '2012-03-09', '2012-03-10', '2012-03-11']);
  const [mon, tue, wed] = report.funnel.buckets;
  assert.deepEqual(mon?.counts, { screened: screenedMonday, hits: 4, reviewed: 2, cleared: 1, confirmed: 1, escalationRequested: 0, approved: 0, disclosed: 0 });
  assert.deepEqual(tue?.counts, { screened: screenedTuesday, hits: 3, reviewed: 3, cleared: 1, confirmed: 2, escalationRequested: 3, approved: 1, disclosed: 1 });
  assert.equal(wed?.counts.hits, 0);
  assert.equal(wed?.rates.reviewed, null, 'a rate of nothing is no rate, not 0 %');

  // By week: the same totals in the one week (starting Monday 5 March).
  const weekly = await getMetrics(supervisor, { from: '2012-03-05', to: '2012-03-11', granularity: 'week' });
  assert.deepEqual(weekly.funnel.buckets.map((bucket) => [bucket.bucket, bucket.counts]), [['2012-03-05', expected]]);

  // PNR art. 20: collected = screened; identified = travellers with a confirmed or escalated hit; forwarded = approved.
  const statistics = await getPnrStatistics(supervisor, { from: '2012-03-05', to: '2012-03-11' });
  assert.equal(statistics.passengersCollected, expected.screened);
  assert.equal(statistics.passengersIdentifiedForFurtherExamination, 3);
  assert.equal(statistics.passengersForwarded, 1);
  const csv = await exportPnrStatistics(supervisor, { from: '2012-03-05', to: '2012-03-11', format: 'csv' });
  assert.match(csv.body, /^from,to,figure,value,definition\r\n/);
  assert.match(csv.body, new RegExp(`2012-03-05,2012-03-11,passengersCollected,${expected.screened},`));
  const json = JSON.parse((await exportPnrStatistics(supervisor, { from: '2012-03-05', to: '2012-03-11', format: 'json' })).body);
  assert.equal(json.passengersIdentifiedForFurtherExamination, 3);

  // The chart's CSV holds the table's numbers.
  const funnelCsv = (await exportMetricsChart(supervisor, { from: '2012-03-05', to: '2012-03-11', granularity: 'week', chart: 'funnel' })).body.split('\r\n');
  assert.equal(funnelCsv[0], 'bucket,screened,hits,reviewed,cleared,confirmed,escalationRequested,approved,disclosed,hitsRate,reviewedRate,clearedRate,confirmedRate,escalationRequestedRate,approvedRate,disclosedRate');
  assert.ok(funnelCsv[1]?.startsWith(`2012-03-05,${expected.screened},7,5,2,3,3,1,1,`), funnelCsv[1]);
});

test('false-positive rate per watchlist and per offence category counts cleared among decided hits; a category that looks like a formula is defused in the CSV', async () => {
  const caller = callerFor(await createUser('PRIVACY_OFFICER'));
  const [noisy, precise] = [`FP-NOISY-${unique()}`, `FP-PRECISE-${unique()}`];
  const formula = `=HYPERLINK("x")-${unique()}`;
  const day = at('2012-04-02T10:00:00');
  const spec: { source: string; category: string; status: HitStatus }[] = [
    { source: noisy, category: 'fraud', status: 'CLEARED' },
    { source: noisy, category: 'fraud', status: 'CLEARED' },
    { source: noisy, category: formula, status: 'CLEARED' },
    { source: noisy, category: formula, status: 'CONFIRMED' },
    { source: noisy, category: 'fraud', status: 'NEW' },
    { source: precise, category: 'fraud', status: 'ESCALATED' },
    { source: precise, category: 'fraud', status: 'CLEARED' },
  ];
  for (const hit of spec) await hitAt(day, { sourceCode: hit.source, category: hit.category, status: hit.status, decidedAfterHours: hit.status === 'NEW' ? undefined : 1 });

  const report = await getMetrics(caller, { from: '2012-04-01', to: '2012-04-30', granularity: 'week' });
  const decided = (rows: typeof spec) => rows.filter((row) => row.status !== 'NEW').length;
  const cleared = (rows: typeof spec) => rows.filter((row) => row.status === 'CLEARED').length;
  for (const source of [noisy, precise]) {
    const rows = spec.filter((row) => row.source === source);
    const figure = report.falsePositives.bySource.find((row) => row.key === source);
    assert.deepEqual(
      figure && { hits: figure.hits, decided: figure.decided, cleared: figure.cleared, rate: figure.falsePositiveRate },
      { hits: rows.length, decided: decided(rows), cleared: cleared(rows), rate: cleared(rows) / decided(rows) },
    );
  }
  assert.equal(report.falsePositives.bySource[0]?.key, noisy, 'the list with the most false positives comes first');
  for (const category of ['fraud', formula]) {
    const rows = spec.filter((row) => row.category === category);
    const figure = report.falsePositives.byCategory.find((row) => row.key === category);
    assert.equal(figure?.falsePositiveRate, cleared(rows) / decided(rows), category);
  }
  const csv = (await exportMetricsChart(caller, { from: '2012-04-01', to: '2012-04-30', granularity: 'week', chart: 'false-positives-by-category' })).body;
  assert.ok(csv.includes(`"'=HYPERLINK(""x"")-`), csv);
  assert.ok(!/(^|\r\n|,)=/.test(csv), 'no cell starts with =');
});

test('review time: median and 90th percentile from hit to first decision, the share past the 12-hour deadline, and the open queue by age', async () => {
  const supervisor = callerFor(await createUser('SUPERVISOR'));
  const requester = await createUser('ANALYST');
  const start = at('2012-05-07T08:00:00');
  const clearedAfter = [1, 2, 3, 4, 5, 6, 7, 8, 13, 20];
  for (const [i, hours] of clearedAfter.entries()) await hitAt(new Date(start.getTime() + i * HOUR), { status: 'CLEARED', decidedAfterHours: hours });
  // Escalation requested after 2 h, approved after 30 h: the review took 2 h, not 30.
  const escalated = await hitAt(start, { status: 'ESCALATED', decidedAfterHours: 30 });
  await db().escalation.create({
    data: {
      hitId: escalated.hit.id, requesterId: requester.id, legalBasis: 'PNR_6_2_A', offenceCategory: 'terrorism', objectiveFacts: 'Facts.', necessity: 'Necessary.',
      dataCategories: ['PASSPORT'], recipientId: await recipientId(), status: 'APPROVED', createdAt: new Date(start.getTime() + 2 * HOUR),
    },
  });
  await hitAt(start, { status: 'IN_REVIEW' }); // undecided: not in the review times
  const durations = [...clearedAfter, 2];

  const report = await getMetrics(supervisor, { from: '2012-05-07', to: '2012-05-13', granularity: 'week' });
  const { overall } = report.reviewTime;
  assert.equal(overall.decided, durations.length);
  assert.ok(Math.abs((overall.medianHours ?? NaN) - percentile(durations, 0.5)) < 1e-6, `median ${overall.medianHours}`);
  assert.ok(Math.abs((overall.p90Hours ?? NaN) - percentile(durations, 0.9)) < 1e-6, `p90 ${overall.p90Hours}`);
  assert.equal(overall.pastDeadline, durations.filter((hours) => hours > 12).length);
  assert.equal(overall.pastDeadlineShare, durations.filter((hours) => hours > 12).length / durations.length);
  assert.equal(report.reviewTime.buckets[0]?.decided, durations.length);

  // The queue now: one hit 30 minutes old, one 13 hours old and past its deadline, one decided (not in the queue).
  const before = (await getMetrics(supervisor, { from: '2012-05-07', to: '2012-05-13', granularity: 'week' })).reviewTime.queueAge;
  const now = Date.now();
  await hitAt(new Date(now - 30 * 60_000));
  await hitAt(new Date(now - 13 * HOUR), { status: 'IN_REVIEW' });
  await hitAt(new Date(now - 13 * HOUR), { status: 'CLEARED', decidedAfterHours: 1 });
  const queue = (await getMetrics(supervisor, { from: '2012-05-07', to: '2012-05-13', granularity: 'week' })).reviewTime.queueAge;
  const delta = Object.fromEntries(queue.map((row, i) => [row.band, { open: row.open - (before[i]?.open ?? 0), pastDeadline: row.pastDeadline - (before[i]?.pastDeadline ?? 0) }]));
  assert.deepEqual(delta, {
    lt1h: { open: 1, pastDeadline: 0 },
    '1to6h': { open: 0, pastDeadline: 0 },
    '6to12h': { open: 0, pastDeadline: 0 },
    '12to24h': { open: 1, pastDeadline: 1 },
    '1to3d': { open: 0, pastDeadline: 0 },
    gt3d: { open: 0, pastDeadline: 0 },
  });
});

test('intrusion: reveals per decided hit, the share of reveals not followed by the same user’s decision, and re-personalisations', async () => {
  const analyst = callerFor(await createUser('ANALYST'));
  const officer = callerFor(await createUser('PRIVACY_OFFICER'));
  const day = at('2012-06-04T10:00:00');
  const decided = await hitAt(day);
  const abandoned = await hitAt(day);
  await revealField(analyst, decided.hit.id, { field: 'documentNumber', purpose: 'DOCUMENT_CHECK' });
  await revealField(analyst, decided.hit.id, { field: 'dateOfBirth', purpose: 'IDENTITY_COMPARISON' });
  await decideHit(analyst, decided.hit.id, { decision: 'clear', reason: 'DIFFERENT_DOCUMENT', version: await hitVersion(decided.hit.id) });
  await revealField(analyst, abandoned.hit.id, { field: 'documentNumber', purpose: 'DOCUMENT_CHECK' });
  const requester = await createUser('ANALYST');
  await db().escalation.create({
    data: {
      hitId: abandoned.hit.id, requesterId: requester.id, legalBasis: 'PNR_6_2_A', offenceCategory: 'terrorism', objectiveFacts: 'Facts.', necessity: 'Necessary.',
      dataCategories: ['PASSPORT'], recipientId: await recipientId(), status: 'APPROVED', repersonalisation: true, createdAt: day,
    },
  });
  await chainedAccessEvents();

  // Two days on, every reveal is old enough to judge.
  const report = await getMetrics(officer, { from: '2012-06-04', to: '2012-06-10', granularity: 'day' }, { now: new Date(Date.now() + 2 * DAY) });
  assert.deepEqual(report.intrusion.totals, { reveals: 3, decided: 1, revealsPerDecidedHit: 3, judgedReveals: 3, revealsWithoutDecision: 1, shareWithoutDecision: 1 / 3 });
  assert.deepEqual(report.intrusion.repersonalisations, { requested: 1, approved: 1, awaitingReview: 1 });
  // Today, the reveals are too recent to say whether a decision follows.
  const today = await getMetrics(officer, { from: '2012-06-04', to: '2012-06-10', granularity: 'day' });
  assert.equal(today.intrusion.totals.judgedReveals, 0);
  assert.equal(today.intrusion.totals.shareWithoutDecision, null);
});

test('disparity: hit and false-positive rates per nationality against the overall rate, flagged beyond 1.25× or below 0.8×, only for groups large enough', async () => {
  const caller = callerFor(await createUser('SUPERVISOR'));
  const day = at('2012-07-02T10:00:00');
  // Codes no traveller elsewhere has (ISO 3166 leaves ZZ* unassigned).
  const [high, low, small, even] = ['ZZA', 'ZZB', 'ZZC', 'ZZD'];
  // nationality → travellers screened, of whom with a hit, and the hits' outcomes (cleared, confirmed).
  const groups = [
    { nationality: high, travellers: 40, cleared: 9, confirmed: 1 },
    { nationality: low, travellers: 40, cleared: 2, confirmed: 0 },
    { nationality: small, travellers: 10, cleared: 5, confirmed: 0 },
    { nationality: even, travellers: 30, cleared: 3, confirmed: 3 },
  ];
  const batch = await db().screeningBatch.create({ data: { day, travellersScreened: 120, kind: 'SCREENING' } });
  for (const group of groups) {
    const outcomes: HitStatus[] = [...Array<HitStatus>(group.cleared).fill('CLEARED'), ...Array<HitStatus>(group.confirmed).fill('CONFIRMED')];
    for (const status of outcomes) {
      const { traveller } = await hitAt(day, { status, decidedAfterHours: 1, nationality: group.nationality });
      await db().traveller.update({ where: { id: traveller.id }, data: { screeningBatchId: batch.id } });
    }
    await db().traveller.createMany({
      data: Array.from({ length: group.travellers - outcomes.length }, () => ({
        nationality: group.nationality, flightNumber: 'LH400', flightDate: day, departureAirport: 'JFK', arrivalAirport: 'FRA', collectedAt: day, screeningBatchId: batch.id,
      })),
    });
  }
  // From an external engine (which sends only travellers it matched): its hit counts toward the
  // false-positive rate, but not toward the hit rate.
  const external = await db().screeningBatch.create({ data: { day, travellersScreened: 1, kind: 'EXTERNAL' } });
  const { traveller } = await hitAt(day, { status: 'CLEARED', decidedAfterHours: 1, nationality: high });
  await db().traveller.update({ where: { id: traveller.id }, data: { screeningBatchId: external.id } });

  const report = await getMetrics(caller, { from: '2012-07-01', to: '2012-07-07', granularity: 'day', minTravellers: '30', minDecided: '5' });
  const { disparity } = report;
  const withHit = (group: (typeof groups)[number]) => group.cleared + group.confirmed;
  const totalTravellers = groups.reduce((sum, group) => sum + group.travellers, 0);
  const totalWithHit = groups.reduce((sum, group) => sum + withHit(group), 0);
  const totalCleared = groups.reduce((sum, group) => sum + group.cleared, 0) + 1;
  const totalDecided = groups.reduce((sum, group) => sum + withHit(group), 0) + 1;
  assert.deepEqual(disparity.overall, {
    travellers: totalTravellers, travellersWithHit: totalWithHit, hitRate: totalWithHit / totalTravellers,
    decided: totalDecided, cleared: totalCleared, falsePositiveRate: totalCleared / totalDecided,
  });
  assert.equal(disparity.minTravellers, 30);
  assert.equal(disparity.minDecided, 5);
  const row = (nationality: string) => disparity.groups.find((group) => group.nationality === nationality);

  // 10 of 40 against 23 of 120: 1.30× → higher. 2 of 40: 0.26× → lower. 6 of 30 (at the minimum): 1.04× → within.
  assert.equal(row(high)?.hitRate, 10 / 40);
  assert.equal(row(high)?.hitRateRatio, 10 / 40 / (totalWithHit / totalTravellers));
  assert.equal(row(high)?.hitRateFlag, 'higher');
  assert.equal(row(low)?.hitRateFlag, 'lower');
  assert.equal(row(even)?.hitRateFlag, 'within');
  // 10 travellers is below the minimum of 30: no rate, "too few to say" — though its rate (0.5) would be flagged.
  assert.deepEqual([row(small)?.travellers, row(small)?.hitRate, row(small)?.hitRateFlag], [10, null, 'too-few']);

  // False positives: the external traveller's cleared hit counts here (10 of 11 for the first group).
  assert.deepEqual([row(high)?.decided, row(high)?.cleared, row(high)?.falsePositiveFlag], [11, 10, 'within']);
  assert.equal(row(even)?.falsePositiveRate, 3 / 6);
  assert.equal(row(even)?.falsePositiveFlag, 'lower'); // 0.5 against 20/24 = 0.83: 0.6×
  assert.deepEqual([row(small)?.decided, row(small)?.falsePositiveFlag], [5, 'within']); // at the minimum of 5: judged (1.0 against 0.83: 1.2×)
  assert.deepEqual([row(low)?.decided, row(low)?.falsePositiveRate, row(low)?.falsePositiveFlag], [2, null, 'too-few']);

  // With the default minimums (30 travellers, 20 decided hits), no group has enough decided hits to say.
  const defaults = await getMetrics(caller, { from: '2012-07-01', to: '2012-07-07', granularity: 'day' });
  assert.ok(defaults.disparity.groups.every((group) => group.falsePositiveFlag === 'too-few'));
  assert.equal(defaults.disparity.minDecided, 20);
});

test('retention: identifiable and masked travellers by age, what is overdue, holds with their reasons, and the last runs', async () => {
  const caller = callerFor(await createUser('PRIVACY_OFFICER'));
  const requester = await createUser('ANALYST');
  const limits = await readRetentionLimits(db());
  const now = Date.now();
  const ago = (days: number) => new Date(now - days * DAY);
  const read = async () => (await getMetrics(caller, { from: '2012-08-01', to: '2012-08-31', granularity: 'week' })).retention;
  const before = await read();

  const traveller = (collectedAt: Date, masked: boolean) =>
    db().traveller.create({ data: { flightNumber: 'LH400', flightDate: collectedAt, departureAirport: 'JFK', arrivalAirport: 'FRA', collectedAt, maskedAt: masked ? new Date() : null } });
  await traveller(ago(limits.maskAfterDays + 10), false); // masking overdue
  await traveller(ago(limits.maskAfterDays + 10), true); // masked in time
  await traveller(ago(limits.eraseAfterDays + 10), true); // erasure overdue
  const dueTomorrow = await traveller(ago(limits.maskAfterDays - 1), false); // the next to be masked
  const escalate = async (collectedAt: Date, status: 'PENDING' | 'APPROVED' | 'REJECTED', packageExpiresAt?: Date) => {
    const { hit, traveller: held } = await createHit();
    await db().traveller.update({ where: { id: held.id }, data: { collectedAt, maskedAt: new Date() } });
    const escalation = await db().escalation.create({
      data: { hitId: hit.id, requesterId: requester.id, legalBasis: 'PNR_6_2_A', offenceCategory: 'terrorism', objectiveFacts: 'Facts.', necessity: 'Necessary.', dataCategories: ['PASSPORT'], recipientId: await recipientId(), status },
    });
    if (packageExpiresAt) await db().disclosurePackage.create({ data: { escalationId: escalation.id, categories: ['PASSPORT'], content: {}, expiresAt: packageExpiresAt } });
  };
  await escalate(ago(limits.eraseAfterDays + 10), 'PENDING'); // past the limit, but held: not overdue
  await escalate(ago(10), 'APPROVED'); // held (no package: not the app's way, but held all the same), not yet due
  await escalate(ago(limits.eraseAfterDays + 30), 'APPROVED', new Date(now + DAY)); // its package can still be opened: held
  await escalate(ago(limits.eraseAfterDays + 40), 'APPROVED', new Date(now - DAY)); // its package has expired: holds nothing, overdue
  await escalate(ago(limits.eraseAfterDays + 20), 'REJECTED'); // a rejected escalation holds nothing: overdue
  const run = await db().retentionRun.create({ data: { startedAt: new Date(now + 1000), finishedAt: new Date(now + 2000), status: 'COMPLETED', masked: 7, erased: 3, held: 2 } });

  const after = await read();
  assert.deepEqual({ masking: after.overdue.masking - before.overdue.masking, erasure: after.overdue.erasure - before.overdue.erasure }, { masking: 1, erasure: 3 });
  const band = (metrics: typeof after, key: string) => metrics.ageBands.find((row) => row.band === key)!;
  assert.equal(band(after, '6to12m').identifiable - band(before, '6to12m').identifiable, 1);
  assert.equal(band(after, '6to12m').masked - band(before, '6to12m').masked, 1);
  assert.equal(band(after, 'gt5y').masked - band(before, 'gt5y').masked, 5);
  const holds = (metrics: typeof after) => Object.fromEntries(metrics.holds.map((hold) => [hold.reason, [hold.travellers, hold.pastEraseLimit]]));
  const [holdsBefore, holdsAfter] = [holds(before), holds(after)];
  assert.deepEqual(
    Object.fromEntries(Object.entries(holdsAfter).map(([reason, [travellers, past]]) => [reason, [travellers! - holdsBefore[reason]![0]!, past! - holdsBefore[reason]![1]!]])),
    { PENDING: [1, 1], APPROVED: [2, 1] },
  );
  assert.equal(after.heldTravellers - before.heldTravellers, 3);
  assert.equal(after.nextMaskingDue, new Date(dueTomorrow.collectedAt.getTime() + limits.maskAfterDays * DAY).toISOString());
  assert.deepEqual(after.runs[0], { startedAt: run.startedAt.toISOString(), finishedAt: run.finishedAt?.toISOString(), dryRun: false, status: 'COMPLETED', masked: 7, erased: 3, held: 2, eventsErased: 0 });
  assert.equal(after.erasedByRuns - before.erasedByRuns, 3);
});

test('an escalation carries its hit’s traveller (what the holds count by), whatever its writer sets', async () => {
  const requester = await createUser('ANALYST');
  const [first, second] = [await createHit(), await createHit()];
  const escalation = await db().escalation.create({
    data: { hitId: first.hit.id, travellerId: second.traveller.id, requesterId: requester.id, legalBasis: 'PNR_6_2_A', offenceCategory: 'terrorism', objectiveFacts: 'Facts.', necessity: 'Necessary.', dataCategories: ['PASSPORT'], recipientId: await recipientId() },
  });
  const stored = async () => (await db().escalation.findUniqueOrThrow({ where: { id: escalation.id } })).travellerId;
  assert.equal(await stored(), first.traveller.id);
  await db().escalation.update({ where: { id: escalation.id }, data: { hitId: second.hit.id } });
  assert.equal(await stored(), second.traveller.id);
  await db().escalation.update({ where: { id: escalation.id }, data: { travellerId: first.traveller.id } });
  assert.equal(await stored(), second.traveller.id);
});

test('an escalation knows whether it has a disclosure package (what the holds find the unpackaged approvals by), whoever writes or removes the package', async () => {
  const requester = await createUser('ANALYST');
  const escalate = async () =>
    db().escalation.create({
      data: { hitId: (await createHit()).hit.id, requesterId: requester.id, legalBasis: 'PNR_6_2_A', offenceCategory: 'terrorism', objectiveFacts: 'Facts.', necessity: 'Necessary.', dataCategories: ['PASSPORT'], recipientId: await recipientId(), status: 'APPROVED' },
    });
  const [first, second] = [await escalate(), await escalate()];
  const packaged = async () => (await db().escalation.findMany({ where: { id: { in: [first.id, second.id] } }, orderBy: { id: 'asc' } })).map((row) => [row.id, row.packaged]);
  const expect = (firstPackaged: boolean, secondPackaged: boolean) => [[first.id, firstPackaged], [second.id, secondPackaged]].sort((a, b) => String(a[0]).localeCompare(String(b[0])));
  assert.deepEqual(await packaged(), expect(false, false));
  // Written by the app's client and by raw SQL alike, one and several at a time.
  const made = await db().disclosurePackage.create({ data: { escalationId: first.id, categories: ['PASSPORT'], content: {}, expiresAt: new Date(Date.now() + DAY) } });
  assert.deepEqual(await packaged(), expect(true, false));
  await db().$executeRaw`UPDATE "DisclosurePackage" SET "escalationId" = ${second.id}::uuid WHERE id = ${made.id}::uuid`;
  assert.deepEqual(await packaged(), expect(false, true));
  await db().$executeRaw`DELETE FROM "DisclosurePackage" WHERE id = ${made.id}::uuid`;
  assert.deepEqual(await packaged(), expect(false, false));
  // The app never sets it itself: a write that tries is overruled by what the packages say.
  await db().escalation.update({ where: { id: first.id }, data: { packaged: true } });
  assert.deepEqual(await packaged(), expect(false, false));
});

test('an analyst is refused the metrics and their exports (403) and each refusal is a DENIED event; an allowed read records nothing', async () => {
  const analyst = callerFor(await createUser('ANALYST'));
  await assert.rejects(getMetrics(analyst, { from: '2012-09-01', to: '2012-09-30' }), ForbiddenError);
  const exporter = callerFor(await createUser('ANALYST'));
  await assert.rejects(exportMetricsChart(exporter, { from: '2012-09-01', to: '2012-09-30', chart: 'funnel' }), ForbiddenError);
  const events = await chainedAccessEvents();
  const denied = await events.findMany({ where: { requestId: { in: [analyst.requestId, exporter.requestId] } } });
  assert.deepEqual(
    denied.map((event) => [event.operation, event.outcome, event.resourceType, event.actorId]).sort(),
    [['DENIED', 'DENIED', 'metrics', analyst.actorId], ['DENIED', 'DENIED', 'metrics-export', exporter.actorId]].sort(),
  );
  // Counts without personal data: reading them is no operation on personal data (see get-metrics.ts).
  const officer = callerFor(await createUser('PRIVACY_OFFICER'));
  await getMetrics(officer, { from: '2012-09-01', to: '2012-09-30' });
  assert.equal(await (await chainedAccessEvents()).count({ where: { requestId: officer.requestId } }), 0);
});

test('a bad period is refused with a clear ValidationError, after the permission check', async () => {
  const caller = callerFor(await createUser('SUPERVISOR'));
  const refused = async (input: Parameters<typeof getMetrics>[1], field: string, message: RegExp) => {
    await assert.rejects(getMetrics(caller, input), (error: unknown) => {
      assert.ok(error instanceof ValidationError, String(error));
      assert.ok(error.fieldErrors[field], `${field} in ${JSON.stringify(error.fieldErrors)}`);
      assert.match(error.message, message);
      return true;
    });
  };
  await refused({ from: '2012-09-30', to: '2012-09-01' }, 'to', /ends before it starts/);
  await refused({ from: '2012-09-01' }, 'to', /Enter a date/);
  await refused({ from: '2012-02-30', to: '2012-03-01' }, 'from', /Not a real date/);
  await refused({ from: '01/09/2012', to: '2012-09-30' }, 'from', /2026-11-25/);
  await refused({ from: '2010-01-01', to: '2012-09-30', granularity: 'day' }, 'granularity', /week or month/);
  await refused({ from: '2000-01-01', to: '2012-09-30', granularity: 'month' }, 'to', /five years/);
  await refused({ from: '2012-09-01', to: '2012-09-30', granularity: 'hour' }, 'granularity', /day, week or month/);
  await refused({ from: '2012-09-01', to: '2012-09-30', minTravellers: '0' }, 'minTravellers', /At least 1/);
  await assert.rejects(exportMetricsChart(caller, { from: '2012-09-01', to: '2012-09-30', chart: 'pie' }), ValidationError);
  await assert.rejects(exportPnrStatistics(caller, { from: '2012-09-01', to: '2012-09-30', format: 'xml' }), ValidationError);
  // An analyst with a bad period hears 403, not 400: the period is nobody's business but the permitted.
  await assert.rejects(getMetrics(callerFor(await createUser('ANALYST')), { from: 'x', to: 'y' }), ForbiddenError);
});
