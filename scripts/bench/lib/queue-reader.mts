// A process that reads the queue's first page back to back, straight from PostgreSQL,
// until its stdin closes; then prints each read's latency (ms) as a JSON array. A process
// of its own so that the work of whoever measures it (the retention job hashing and
// sealing in the benchmark's process) does not inflate what it measures: only waiting in
// the database does. It reads as the app does, recording the page's events, as the demo analyst.
//   tsx --conditions=react-server scripts/bench/lib/queue-reader.mts <database url>
import pg from 'pg';
import { DEMO_USERS } from '../../../prisma/demo-users.ts';
import { actor, loadFixture, queueOperations } from './queue-ops.mts';

const url = process.argv[2];
if (!url) throw new Error('usage: queue-reader.mts <database url>');
const pool = new pg.Pool({ connectionString: url, max: 1 });
const analyst = DEMO_USERS.find((user) => user.key === 'analyst');
if (!analyst) throw new Error('prisma/demo-users.ts has no analyst');
const firstPage = queueOperations(await loadFixture(pool, 10), await actor(pool, analyst.email))[0];
if (!firstPage) throw new Error('no queue operation to measure');
let running = true;
process.stdin.on('end', () => (running = false));
process.stdin.resume();
process.stderr.write('ready\n');
const latencies: number[] = [];
for (let i = 0; running; i += 1) {
  const at = performance.now();
  await firstPage.sql(pool, i);
  latencies.push(performance.now() - at);
  await new Promise((resolve) => setImmediate(resolve)); // lets the end of stdin in
}
await pool.end();
process.stdout.write(JSON.stringify(latencies));
