import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import pg from 'pg';
import { cpuMeter, cpuPerOperation } from './process-cpu.mts';

// The meter reads the CPU of two real processes: this one (standing in for the app server) and
// the PostgreSQL server the tests run on (embedded unless DATABASE_URL names a remote one).
const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is not set: run through npm run test:integration');
const pool = new pg.Pool({ connectionString: url, max: 2 });
after(() => pool.end());

function burn(ms: number): void {
  const end = performance.now() + ms;
  let x = 0;
  while (performance.now() < end) x += Math.sqrt(x + 1);
  assert.ok(x > 0);
}

test('the CPU meter sees the app\'s work as the app\'s and a statement\'s as PostgreSQL\'s', async (t) => {
  const meter = await cpuMeter(process.pid, pool);
  if (!meter) return t.skip('PostgreSQL is not a process of this machine');
  const start = meter.sample();
  burn(300);
  const afterApp = meter.sample();
  assert.ok(afterApp.app - start.app >= 0.2, `the app's 300 ms of work: ${afterApp.app - start.app} s`);
  assert.ok(afterApp.database - start.database < 0.1, `PostgreSQL idle meanwhile: ${afterApp.database - start.database} s`);

  // Work that only PostgreSQL does, on a connection of the pool (a backend the meter must count).
  await pool.query('SELECT sum(sqrt(g)) FROM generate_series(1, 3000000) g');
  const afterSql = meter.sample();
  assert.ok(afterSql.database - afterApp.database >= 0.1, `PostgreSQL's work: ${afterSql.database - afterApp.database} s`);
  assert.ok(afterSql.app - afterApp.app < 0.1, `the app waiting meanwhile: ${afterSql.app - afterApp.app} s`);

  const perOperation = cpuPerOperation(start, afterSql, 2);
  assert.ok(perOperation);
  assert.equal(perOperation.appMs, ((afterSql.app - start.app) * 1000) / 2);
  assert.equal(cpuPerOperation(start, afterSql, 0), null);
});
