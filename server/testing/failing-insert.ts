import { createHash } from 'node:crypto';
import { db } from '@/server/db';

/**
 * Makes PostgreSQL refuse one row: an INSERT into `table` whose `column` equals `value` raises
 * (the other tests' rows pass), until the returned function removes the trigger. For tests of
 * what a failed write leaves behind. Table and column come from the test's code, never input.
 */
export async function failInsertsOf(table: string, column: string, value: string): Promise<() => Promise<void>> {
  if (!/^[A-Za-z]+$/.test(table) || !/^[A-Za-z]+$/.test(column) || !/^[0-9a-f-]+$/.test(value)) throw new Error('failInsertsOf: plain names and a uuid only');
  const name = `fail_${createHash('sha256').update(`${table}.${column}.${value}`).digest('hex').slice(0, 16)}`;
  await db().$executeRawUnsafe(`CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW."${column}"::text = '${value}' THEN RAISE EXCEPTION 'refused by the test (%)', TG_TABLE_NAME; END IF;
      RETURN NEW;
    END $$`);
  await db().$executeRawUnsafe(`CREATE TRIGGER ${name} BEFORE INSERT ON "${table}" FOR EACH ROW EXECUTE FUNCTION ${name}()`);
  return async () => {
    await db().$executeRawUnsafe(`DROP TRIGGER IF EXISTS ${name} ON "${table}"`);
    await db().$executeRawUnsafe(`DROP FUNCTION IF EXISTS ${name}()`);
  };
}
