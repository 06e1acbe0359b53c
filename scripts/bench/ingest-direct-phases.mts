// The bare INSERTs of one POST /api/v1/hits request (as the screening benchmark sends
// them, rolled back), statement by statement with EXPLAIN (ANALYZE, WAL): where the
// database's time per hit goes. `tsx scripts/bench/ingest-direct-phases.mts <url> [hits] [rounds]`.
import pg from 'pg';
import { loadSdnEntries } from './lib/screening-engine-run.mts';
import { externalHitBodies, externalRows, loadDirectContext } from './lib/screening-ops.mts';

const [url, hitsArg, roundsArg] = process.argv.slice(2);
const count = Number(hitsArg ?? 5000);
const rounds = Number(roundsArg ?? 3);
const pool = new pg.Pool({ connectionString: url, max: 1 });
const direct = await loadDirectContext(pool, 'OFAC-SDN');
const individuals = loadSdnEntries().filter((e) => e.type === 'INDIVIDUAL' && direct.entries.has(e.id));
const client = await pool.connect();
// Session settings to try, e.g. SETTINGS='jit=off'.
for (const setting of (process.env.SETTINGS ?? '').split(',').filter(Boolean)) await client.query(`SET ${setting.replace('=', ' = ')}`);
const origQuery = client.query.bind(client);
const timings: string[] = [];
// Wraps every INSERT/UPDATE in EXPLAIN (ANALYZE, WAL) and notes its time and WAL.
// PRE_SQL=<file>: SQL run right after BEGIN (e.g. a migration, to compare in the same transaction, rolled back).
const preSql = process.env.PRE_SQL ? (await import('node:fs')).readFileSync(process.env.PRE_SQL, 'utf8') : null;
let usePre = false;
(client as unknown as { query: unknown }).query = async (text: string, values?: unknown[]) => {
  if (text === 'BEGIN') {
    const begun = await origQuery(text);
    if (usePre && preSql) await origQuery(preSql);
    return begun;
  }
  if (!/^\s*(INSERT|UPDATE)/.test(text)) return origQuery(text, values);
  const result = await origQuery(`EXPLAIN (ANALYZE, WAL, FORMAT JSON) ${text}`, values);
  const plan = (result.rows[0] as { 'QUERY PLAN': { Plan: Record<string, number>; 'Execution Time': number; Triggers?: { 'Trigger Name': string; Time: number }[] }[] })['QUERY PLAN'][0]!;
  const table = /INTO "(\w+)"|UPDATE "(\w+)"/.exec(text);
  const triggers = (plan.Triggers ?? []).map((t) => `${t['Trigger Name']} ${t.Time.toFixed(0)}`).join(', ');
  timings.push(`${(table?.[1] ?? table?.[2] ?? '?').padEnd(20)} ${plan['Execution Time'].toFixed(0).padStart(6)} ms  WAL ${(Number(plan.Plan['WAL Bytes']) / 1e6).toFixed(1)} MB, ${plan.Plan['WAL FPI']} FPI${triggers ? `  triggers: ${triggers}` : ''}`);
  return result;
};
(pool as unknown as { connect: () => Promise<unknown> }).connect = async () => ({ ...client, query: (client as unknown as { query: unknown }).query, release: () => {} });
const { insertLikeRequest } = await import('./lib/screening-ops.mts');
for (let round = 0; round < rounds; round++) {
  const plan = externalHitBodies(individuals, count, count, 'OFAC-SDN', `P${Date.now().toString(36)}`, round + 11);
  const { travellers, hits } = externalRows(plan.bodies[0] as string);
  timings.length = 0;
  usePre = preSql !== null && round % 2 === 1;
  if (process.env.CHECKPOINT === '1') await origQuery('CHECKPOINT').catch(() => {});
  await insertLikeRequest(pool, direct, travellers, hits, 'hit');
  console.log(`round ${round}${usePre ? ' with PRE_SQL' : ''} (${count} hits):\n  ${timings.join('\n  ')}`);
}
client.release();
await pool.end();
