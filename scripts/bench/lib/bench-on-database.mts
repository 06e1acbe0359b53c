// The part of `npm run bench` (run-all.mts) measured on the database itself, as it is: the
// queue and the hit detail, reveal, decision and escalation approval, the access-log
// searches, the per-person report and an export, the metrics for a year, recording an access
// event and verifying the chain. What it writes is what the app writes when used so: access
// events, and the hits and escalation requests the write operations consume (submitted
// through the API, `load-…` travellers), all decided by the end.
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../../../generated/prisma/client.ts';
import { DEMO_USERS } from '../../../prisma/demo-users.ts';
import { chainAccessEvents } from '../../../server/access-log/chainer.ts';
import { exportOperation, exportWindow, loadAccessLogFixture, mostViewedTraveller, personReportOperation, recordingOperations, searchOperations } from './access-log-ops.mts';
import type { AppServer } from './app-server.mts';
import { latency, latencyRow, type BenchRow, type MeasuredLoad } from './bench-table.mts';
import { closeSubmitter, openSubmitter, submitHits } from './decision-pool.mts';
import { approvalOperation, decisionOperation, requestEscalations, revealableHits, revealOperation } from './hit-work-ops.mts';
import { runLoad, runLoadsInTurns, warmSample, type LoadResult } from './load.mts';
import { cpuMeter, cpuPerOperation, type CpuMeter } from './process-cpu.mts';
import { captureMetricsStatements, sendStatements } from './metrics-capture.mts';
import { lastYear, metricsViaApi } from './metrics-ops.mts';
import { chainSettled } from './chain-settled.mts';
import { actor, loadFixture, queueOperations, request } from './queue-ops.mts';
import { signIn, type HttpSession } from './session.mts';
import { measureVerification, type Verification } from './verify-speed.mts';

export interface Timing {
  durationMs: number;
  warmupMs: number;
  /** Requests of each consuming write (decision, approval), after `writeWarmup` unmeasured ones. */
  writeRequests: number;
  writeWarmup: number;
  /**
   * Unmeasured load on the server before its first row: a server that has just started runs
   * its first seconds of requests through V8's interpreter and compiles as it goes, and the
   * row measured first (the queue's first page) came out 10–25 % above the rows of the same
   * cost after it. Every row still has its own `warmupMs`.
   */
  serverWarmupMs: number;
  /** Stop verification after this long (0: the whole log). */
  verifyLimitMs: number;
}

export const CLIENTS = { queue: 16, hitWork: 16, accessLog: 8, metrics: 4 } as const;
const TARGET_MS = { queue: 50, accessLog: 100, metrics: 200, recordAdded: 2 } as const;
/** Turns of each recording measurement (see runLoadsInTurns). */
const RECORDING_ROUNDS = 5;

export interface OnDatabase {
  rows: BenchRow[];
  verification: Verification | null;
  exportWindow: { from: string; to: string; events: number } | null;
  metricsCheck: { period: string; apiHits: number; directHits: number; apiScreened: number; directScreened: number } | null;
}

async function closedLoop(op: (client: number, i: number) => Promise<void>, clients: number, timing: Timing, pool: pg.Pool, meter: CpuMeter | null = null): Promise<MeasuredLoad> {
  if (timing.warmupMs > 0) await runLoad(op, { clients, durationMs: timing.warmupMs });
  await chainSettled(pool);
  return metered(meter, pool, () => runLoad(op, { clients, durationMs: timing.durationMs }));
}

/** A fixed number of requests, each with an index of its own past the warm-up's (pools hand out one item per index). */
async function fixedLoop(op: (i: number) => Promise<void>, clients: number, timing: Timing, pool: pg.Pool, meter: CpuMeter | null = null): Promise<MeasuredLoad> {
  if (timing.writeWarmup > 0) await runLoad((_, i) => op(i), { clients, requests: timing.writeWarmup });
  await chainSettled(pool);
  return metered(meter, pool, () => runLoad((_, i) => op(timing.writeWarmup + i), { clients, requests: timing.writeRequests, durationMs: timing.durationMs * 6 }));
}

/** The load with the CPU it cost, up to the chain having linked the access events it recorded. */
async function metered(meter: CpuMeter | null, pool: pg.Pool, load: () => Promise<LoadResult>): Promise<MeasuredLoad> {
  if (!meter) return load();
  const before = meter.sample();
  const result = await load();
  await chainSettled(pool);
  return { ...result, cpu: cpuPerOperation(before, meter.sample(), result.count) };
}

function demo(key: (typeof DEMO_USERS)[number]['key']) {
  const user = DEMO_USERS.find((u) => u.key === key);
  if (!user) throw new Error(`prisma/demo-users.ts has no ${key}`);
  return user;
}

export async function measureOnDatabase(url: string, app: AppServer, timing: Timing, log: (message: string) => void): Promise<OnDatabase> {
  const rows: BenchRow[] = [];
  const pool = new pg.Pool({ connectionString: url, max: CLIENTS.queue * 2 });
  pool.on('error', (error) => log(`pool: ${error.message}`));
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  const result: OnDatabase = { rows, verification: null, exportWindow: null, metricsCheck: null };
  try {
    const meter = await cpuMeter(app.pid, pool);
    if (!meter) log('CPU per request: not measured (the app server or PostgreSQL is not a process of this machine)');
    const sessions: Record<string, HttpSession> = {};
    for (const key of ['analyst', 'supervisor', 'privacy', 'admin'] as const) sessions[key] = await signIn(app.url, demo(key).email, demo(key).password);
    const [analyst, supervisor] = [await actor(pool, demo('analyst').email), await actor(pool, demo('supervisor').email)];
    log('signed in as the demo analyst, supervisor, privacy officer and administrator');

    // Queue and hit detail, as the analyst.
    const queue = await loadFixture(pool, 5000).catch((error: Error) => {
      log(`queue: not measured: ${error.message}`);
      return null;
    });
    if (queue) {
      if (timing.serverWarmupMs > 0) {
        const operations = queueOperations(queue, analyst);
        log(`warming the server up: ${operations.length} queue and hit-detail operations, ${Math.round(timing.serverWarmupMs / 1000)} s in all, unmeasured`);
        for (const operation of operations) {
          await runLoad((_, i) => request(sessions.analyst as HttpSession, operation, i), { clients: CLIENTS.queue, durationMs: timing.serverWarmupMs / operations.length });
        }
      }
      for (const operation of queueOperations(queue, analyst)) {
        log(`measuring ${operation.name} (${CLIENTS.queue} clients)`);
        await warmSample((i) => operation.sql(pool, i), operation.sample, CLIENTS.queue);
        const api = await closedLoop((_, i) => request(sessions.analyst as HttpSession, operation, i), CLIENTS.queue, timing, pool, meter);
        const sql = await closedLoop((_, i) => operation.sql(pool, i), CLIENTS.queue, timing, pool, meter);
        rows.push(latencyRow(operation.name, CLIENTS.queue, api, sql, TARGET_MS.queue));
      }
    }

    // Reveal, decision, escalation approval: through the API and as the same transaction in SQL.
    const revealHits = await revealableHits(pool, 2000);
    const perSide = timing.writeWarmup + timing.writeRequests;
    log(`submitting ${(4 * perSide).toLocaleString('en')} hits and requesting ${(2 * perSide).toLocaleString('en')} escalations for the write operations`);
    const submitter = await openSubmitter(sessions.admin as HttpSession, sessions.analyst as HttpSession, (revealHits[0] as { id: string }).id);
    let escalations: string[] = [];
    try {
      const fresh = await submitHits(submitter, 4 * perSide);
      const recipient = (await pool.query<{ id: string }>(`SELECT id FROM "RecipientAuthority" WHERE active ORDER BY name LIMIT 1`)).rows[0]?.id;
      if (!recipient) throw new Error('no recipient authority: is the database seeded?');
      escalations = await requestEscalations(sessions.analyst as HttpSession, fresh.slice(2 * perSide), recipient);
      const writes = [
        revealOperation(sessions.analyst as HttpSession, pool, analyst, revealHits),
        decisionOperation(sessions.analyst as HttpSession, pool, analyst, fresh.slice(0, perSide), fresh.slice(perSide, 2 * perSide)),
        approvalOperation(sessions.supervisor as HttpSession, pool, supervisor, escalations.slice(0, perSide), escalations.slice(perSide)),
      ];
      for (const operation of writes) {
        log(`measuring ${operation.name} (${CLIENTS.hitWork} clients, ${timing.writeRequests} requests each way)`);
        const api = await fixedLoop(operation.api, CLIENTS.hitWork, timing, pool, meter);
        const sql = await fixedLoop(operation.sql, CLIENTS.hitWork, timing, pool, meter);
        rows.push(latencyRow(operation.name, CLIENTS.hitWork, api, sql, null));
      }
    } finally {
      await closeSubmitter(sessions.admin as HttpSession, submitter).catch(() => {});
      // The approvals' packages would stay open for 30 days and hold their travellers: every run
      // left a month's worth of approvals (1,170) for the next run's metrics to read in the holds
      // and the masking overdue (3,520 on the five-year profile after three runs, against 666
      // seeded). Expired now, as an old approval's package is, so a run measures the profile.
      await pool.query(`UPDATE "DisclosurePackage" SET "expiresAt" = now() WHERE "escalationId" = ANY($1::uuid[]) AND "expiresAt" > now()`, [escalations])
        .catch((error: unknown) => log(`could not expire the approvals' packages: ${error instanceof Error ? error.message : String(error)}`));
    }

    // The access log, as the privacy officer.
    const fixture = await loadAccessLogFixture(pool, demo('analyst').email, 1000);
    for (const operation of searchOperations(fixture).filter((op) => op.name !== 'access log: first page')) {
      log(`measuring ${operation.name} (${CLIENTS.accessLog} clients)`);
      await warmSample((i) => operation.sql(pool, i), operation.sample, CLIENTS.accessLog);
      const api = await closedLoop((_, i) => request(sessions.privacy as HttpSession, operation, i), CLIENTS.accessLog, timing, pool, meter);
      const sql = await closedLoop((_, i) => operation.sql(pool, i), CLIENTS.accessLog, timing, pool, meter);
      rows.push(latencyRow(operation.name, CLIENTS.accessLog, api, sql, TARGET_MS.accessLog));
    }
    const viewed = await mostViewedTraveller(pool);
    const reports = [
      personReportOperation(sessions.privacy as HttpSession, fixture),
      personReportOperation(sessions.privacy as HttpSession, { travellerIds: [viewed.travellerId] }, `access log: per-person report, the most-viewed person (${viewed.events.toLocaleString('en')} events)`),
    ];
    for (const report of reports) {
      log(`measuring ${report.name} (${CLIENTS.accessLog} clients)`);
      await warmSample((i) => report.sql(pool, i), report.sample, CLIENTS.accessLog);
      rows.push(latencyRow(report.name, CLIENTS.accessLog,
        await closedLoop((_, i) => report.api(i), CLIENTS.accessLog, timing, pool, meter), await closedLoop((_, i) => report.sql(pool, i), CLIENTS.accessLog, timing, pool, meter), TARGET_MS.accessLog));
    }
    const window = await exportWindow(pool, 100_000);
    result.exportWindow = { from: window.from.toISOString(), to: window.to.toISOString(), events: window.events };
    const exporting = exportOperation(sessions.privacy as HttpSession, window);
    log(`measuring ${exporting.name} (1 client, a warm-up and 3 runs each way)`);
    // One warm-up each way, as every other row has (the first export also compiles its code paths).
    await exporting.api();
    await exporting.sql(pool);
    let exported = 0;
    const api = await runLoad(async () => void (exported = await exporting.api()), { clients: 1, requests: 3 });
    let read = 0;
    const sql = await runLoad(async () => void (read = await exporting.sql(pool)), { clients: 1, requests: 3 });
    const exportRow = latencyRow(exporting.name, 1, api, sql, null, `${exported.toLocaleString('en')} rows exported, ${read.toLocaleString('en')} read by the bare SELECTs`);
    exportRow.rate = { unit: 'events/s', api: (exported * 1000) / api.p50, sql: (read * 1000) / sql.p50 };
    rows.push(exportRow);

    // Metrics for a year, as the supervisor; first the figures against a direct count.
    const period = lastYear('week');
    const totals = await metricsViaApi(sessions.supervisor as HttpSession, period);
    const direct = (await pool.query<{ hits: string; screened: string }>(`
      SELECT (SELECT count(*) FROM "Hit" WHERE "createdAt" >= $1 AND "createdAt" < $2)::text AS hits,
        (SELECT coalesce(sum(n), 0) FROM (SELECT day, coalesce(max(n) FILTER (WHERE s IS NOT NULL), 0) + coalesce(sum(n) FILTER (WHERE s IS NULL), 0) AS n
           FROM (SELECT day, "sourceId" AS s, sum("travellersScreened") AS n FROM "ScreeningBatch"
                 WHERE day >= $3::date AND day <= $4::date AND status = 'COMPLETED' GROUP BY 1, 2) p GROUP BY day) d)::text AS screened`,
    [period.start, period.end, period.from, period.to])).rows[0];
    result.metricsCheck = { period: `${period.from}..${period.to}`, apiHits: totals.hits, directHits: Number(direct?.hits), apiScreened: totals.screened, directScreened: Number(direct?.screened) };
    const agree = totals.hits === Number(direct?.hits) && totals.screened === Number(direct?.screened);
    log(`metrics: ${period.from}..${period.to}: the API shows ${totals.hits.toLocaleString('en')} hits and ${totals.screened.toLocaleString('en')} travellers screened; `
      + `a direct count ${Number(direct?.hits).toLocaleString('en')} and ${Number(direct?.screened).toLocaleString('en')} (${agree ? 'the same' : 'DIFFERENT'})`);
    const statements = await captureMetricsStatements(url, period);
    log(`measuring metrics for a year (${CLIENTS.metrics} clients; beside: the ${statements.length} statements of the API's round)`);
    rows.push(latencyRow('metrics: a year by week', CLIENTS.metrics,
      await closedLoop(async () => void (await metricsViaApi(sessions.supervisor as HttpSession, period)), CLIENTS.metrics, timing, pool, meter),
      await closedLoop(() => sendStatements(pool, statements), CLIENTS.metrics, timing, pool, meter), TARGET_MS.metrics,
      `beside: the ${statements.length} statements the API sends for it (captured from its connections: the retention limits, then BEGIN, SET LOCAL, the figures' one statement, COMMIT), in order on one connection; `
        + `figures ${agree ? 'equal' : 'NOT equal'} to a direct count of the rows`));

    // Recording an access event: the same short transaction with and without one.
    const recording = recordingOperations(fixture);
    for (const clients of [1, CLIENTS.accessLog]) {
      log(`measuring the cost of recording an access event (${clients} client${clients > 1 ? 's' : ''})`);
      const ops = [() => recording.without(pool), (_: number, i: number) => recording.with(pool, i), (_: number, i: number) => recording.withoutFlush(pool, i)];
      if (timing.warmupMs > 0) await runLoad(ops[1]!, { clients, durationMs: timing.warmupMs });
      await chainSettled(pool);
      // In turns, not one after the other: the added p95 is a difference of two p95s a few
      // tenths of a millisecond apart, and the database's own work (the chainer catching up, an
      // autovacuum of the pending events, a checkpoint) moved it by as much between minutes.
      const [without, withEvent, unflushed] = (await runLoadsInTurns(ops, { clients, durationMs: timing.durationMs, rounds: RECORDING_ROUNDS })) as [LoadResult, LoadResult, LoadResult];
      const added = withEvent.p95 - without.p95;
      rows.push({
        operation: 'record an access event (in a transaction)', clients, api: latency(withEvent), sql: latency(without), rate: null, ratio: null,
        target: `added p95 ≤ ${TARGET_MS.recordAdded} ms`, met: withEvent.errors === 0 && without.errors === 0 && added <= TARGET_MS.recordAdded,
        note: `added p95 ${added.toFixed(2)} ms (the transaction with the event beside the same transaction without it); `
          + `without waiting for the commit's WAL flush (synchronous_commit off, for comparison only) ${(unflushed.p95 - without.p95).toFixed(2)} ms`,
      });
    }

    // Verification speed, once the events the operations wrote are linked.
    await app.stop();
    await chainAccessEvents(prisma);
    log(timing.verifyLimitMs > 0 ? `verify: walking the chain for at most ${timing.verifyLimitMs / 1000} s` : 'verify: walking the whole chain');
    const verification = await measureVerification(prisma, timing.verifyLimitMs, log);
    result.verification = verification;
    rows.push({
      operation: `verify the access log (${verification.whole ? 'whole log' : 'time-limited'}: ${verification.events.toLocaleString('en')} events)`,
      clients: 1, api: null, sql: null, rate: { unit: 'events/s', api: verification.eventsPerSecond, sql: null }, ratio: null, target: '', met: null,
      note: verification.intact === null ? 'stopped at the time limit (intact so far)' : verification.intact ? 'intact' : 'BROKEN',
    });
    return result;
  } finally {
    await prisma.$disconnect().catch(() => {});
    await pool.end().catch(() => {});
  }
}
