import { Prisma, type PrismaClient } from '@/generated/prisma/client';
import type { Tx } from '@/server/db';

// Bulk insert for the seed's large tables. Prisma's createMany spends ~0.4 s of client
// time per 1,000 rows; handing PostgreSQL the rows as one JSON parameter takes a tenth
// of that, which is what lets 50,000 travellers seed well inside a minute.

type BulkTable = 'Traveller' | 'WatchlistEntry';

/**
 * INSERT … ON CONFLICT DO NOTHING in one statement; returns the ids actually inserted.
 * Every NOT NULL column without a database default must be in the rows (a missing key
 * becomes NULL, not the column default).
 */
export async function insertRows<T extends { id: string }>(db: Tx | PrismaClient, table: BulkTable, rows: readonly T[]): Promise<string[]> {
  if (rows.length === 0) return [];
  const name = Prisma.raw(`"${table}"`); // one of two fixed names, never input
  const inserted = await db.$queryRaw<{ id: string }[]>`
    INSERT INTO ${name}
    SELECT * FROM json_populate_recordset(NULL::${name}, ${JSON.stringify(rows)}::json)
    ON CONFLICT DO NOTHING
    RETURNING "id"::text AS id`;
  return inserted.map((row) => row.id);
}
