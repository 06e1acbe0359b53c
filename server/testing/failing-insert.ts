import { Prisma } from '@/generated/prisma/client';
import { db } from '@/server/db';

// The rows to refuse, and one trigger function that looks them up: the DDL is constant text, and
// the row to refuse travels as a bound parameter.
const REFUSED = Prisma.sql`CREATE TABLE IF NOT EXISTS test_refused_insert (tbl text NOT NULL, col text NOT NULL, value text NOT NULL)`;
const REFUSE = Prisma.sql`CREATE OR REPLACE FUNCTION test_refuse_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM test_refused_insert r WHERE r.tbl = TG_TABLE_NAME AND r.value = to_jsonb(NEW) ->> r.col) THEN
    RAISE EXCEPTION 'refused by the test (%)', TG_TABLE_NAME;
  END IF;
  RETURN NEW;
END $$`;
// Test files run side by side: DDL on the same objects at once fails ("tuple concurrently updated").
const SERIALISED = Prisma.sql`SELECT pg_advisory_xact_lock(hashtext('test_refuse_insert'))`;

/**
 * Makes PostgreSQL refuse one row: an INSERT into `table` whose `column` equals `value` raises
 * (other rows pass), until the returned function lifts it. For tests of what a failed write
 * leaves behind. Table and column are names the test's code writes, never input.
 */
export async function failInsertsOf(table: string, column: string, value: string): Promise<() => Promise<void>> {
  if (!/^[A-Za-z]+$/.test(table) || !/^[A-Za-z]+$/.test(column)) throw new Error('failInsertsOf: plain table and column names only');
  const target = Prisma.raw(`"${table}"`);
  await db().$transaction(async (tx) => {
    await tx.$executeRaw`${SERIALISED}`;
    await tx.$executeRaw`${REFUSED}`;
    await tx.$executeRaw`${REFUSE}`;
    await tx.$executeRaw`CREATE OR REPLACE TRIGGER test_refuse_insert BEFORE INSERT ON ${target} FOR EACH ROW EXECUTE FUNCTION test_refuse_insert()`;
    await tx.$executeRaw`INSERT INTO test_refused_insert (tbl, col, value) VALUES (${table}, ${column}, ${value})`;
  });
  return async () => {
    await db().$transaction(async (tx) => {
      await tx.$executeRaw`${SERIALISED}`;
      await tx.$executeRaw`DELETE FROM test_refused_insert WHERE tbl = ${table} AND col = ${column} AND value = ${value}`;
      const [left] = await tx.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM test_refused_insert WHERE tbl = ${table}`;
      if (left?.n === 0) await tx.$executeRaw`DROP TRIGGER IF EXISTS test_refuse_insert ON ${target}`;
    });
  };
}
