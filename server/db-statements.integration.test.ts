import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { db } from './db';
import { PREPARED, PREPARED_MARK, statementName } from './db-statements';

// Statements marked PREPARED reach PostgreSQL as named, prepared statements (planned once per
// connection); all others stay unnamed, planned each time and never kept.

after(() => db().$disconnect());

test('a marked statement gets a name of its own, stable for its text; an unmarked one none', () => {
  const a = statementName({ sql: `${PREPARED_MARK} SELECT 1` });
  assert.match(a, /^p_[0-9a-f]{32}$/);
  assert.equal(statementName({ sql: `${PREPARED_MARK} SELECT 1` }), a);
  assert.notEqual(statementName({ sql: `${PREPARED_MARK} SELECT 2` }), a);
  assert.equal(statementName({ sql: 'SELECT 1' }), undefined);
});

test('a marked query is prepared on its connection and answers as before; an unmarked one is not prepared', async () => {
  const marker = crypto.randomUUID();
  const prepared = await db().$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ value: string }[]>`${PREPARED}SELECT ${marker}::text AS value, ${'prepared-probe'}::text AS probe`;
    assert.deepEqual(rows, [{ value: marker, probe: 'prepared-probe' }]);
    await tx.$queryRaw`SELECT ${marker}::text AS value, ${'unnamed-probe'}::text AS probe`;
    return tx.$queryRaw<{ name: string; statement: string; generic_plans: bigint; custom_plans: bigint }[]>`
      SELECT name, statement, generic_plans, custom_plans FROM pg_prepared_statements WHERE statement LIKE '%-probe''::text%' OR statement LIKE '%AS probe%'`;
  });
  assert.equal(prepared.length, 1, 'only the marked query is prepared');
  const [statement] = prepared;
  assert.ok(statement?.statement.startsWith(PREPARED_MARK));
  assert.equal(statement?.name, statementName({ sql: statement?.statement ?? '' }));
});
