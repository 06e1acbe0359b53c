// The queue benchmark (issue 4): with a million hits, p50/p95/p99 of the queue API (first
// page, a filtered page, page 1,000 by cursor) and of the hit detail under concurrent
// clients, each beside the statement the API sends, sent straight to PostgreSQL. Prints figures; it
// is not a test. Needs a production build (`npm run build`). See scripts/bench/README.md.
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { DEMO_USERS } from '../../prisma/demo-users.ts';
import { startApp, type AppServer } from './lib/app-server.mts';
import { openBenchDatabase, type BenchDatabase } from './lib/bench-database.mts';
import { chainSettled } from './lib/chain-settled.mts';
import { runLoad, warmSample } from './lib/load.mts';
import { actor, loadFixture, queueOperations, request } from './lib/queue-ops.mts';
import { judge, printTable, writeResults, type OperationResult, type Target } from './lib/report.mts';
import { signIn } from './lib/session.mts';
import { positiveOption, stopper } from './lib/bench-cli.mts';

const TARGET: Target = { p95Ms: 50, maxRatio: 1.5 };

const { values } = parseArgs({
  options: {
    hits: { type: 'string', default: '1000000' },
    clients: { type: 'string', default: '16' },
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    'data-dir': { type: 'string' },
    'app-dir': { type: 'string' },
    'seed-only': { type: 'boolean', default: false },
  },
  strict: true,
});
const hits = Math.round(positiveOption('hits', values.hits));
const clients = Math.round(positiveOption('clients', values.clients));
const durationMs = positiveOption('duration', values.duration) * 1000;
const warmupMs = Number(values.warmup ?? 0) * 1000;
const log = (message: string) => console.log(message);

let database: BenchDatabase | undefined;
let app: AppServer | undefined;
let pool: pg.Pool | undefined;
const stopAll = stopper(() => pool?.end(), () => app?.stop(), () => database?.stop());

try {
  database = await openBenchDatabase({ hits, dataDir: values['data-dir'], log });
  if (!values['seed-only']) {
    app = await startApp(database.url, log, values['app-dir'] ? path.resolve(values['app-dir']) : undefined);
    const analyst = DEMO_USERS.find((user) => user.key === 'analyst');
    if (!analyst) throw new Error('prisma/demo-users.ts has no analyst');
    const session = await signIn(app.url, analyst.email, analyst.password);
    log(`app: signed in as ${analyst.email}`);

    pool = new pg.Pool({ connectionString: database.url, max: clients });
    const fixture = await loadFixture(pool, 5000);
    const results: OperationResult[] = [];
    const analystActor = await actor(pool, analyst.email);
    for (const operation of queueOperations(fixture, analystActor)) {
      log(`measuring ${operation.name} (${clients} clients, ${durationMs / 1000} s each way)`);
      const viaApi = (_: number, i: number) => request(session, operation, i);
      const direct = (_: number, i: number) => operation.sql(pool as pg.Pool, i);
      await warmSample((i) => direct(0, i), operation.sample, clients);
      if (warmupMs > 0) await runLoad(viaApi, { clients, durationMs: warmupMs });
      await chainSettled(pool);
      const http = await runLoad(viaApi, { clients, durationMs });
      if (warmupMs > 0) await runLoad(direct, { clients, durationMs: warmupMs });
      await chainSettled(pool);
      const sql = await runLoad(direct, { clients, durationMs });
      results.push(judge(operation.name, http, sql, TARGET));
    }
    printTable(results, TARGET);
    const file = writeResults(path.join(import.meta.dirname, 'results'), {
      benchmark: 'queue',
      at: new Date().toISOString(),
      hits: { target: hits, seeded: database.scale },
      database: process.env.DATABASE_URL ? 'DATABASE_URL' : values['data-dir'] ? 'embedded (kept)' : 'embedded (temporary, fsync off)',
      clients,
      durationSeconds: durationMs / 1000,
      warmupSeconds: warmupMs / 1000,
      target: TARGET,
      fixture: { sourceCode: fixture.sourceCode, page1000Cursor: fixture.page1000.cursor, detailSample: fixture.hitIds.length },
      results,
    });
    log(`results: ${path.relative(process.cwd(), file)}`);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await stopAll();
}
