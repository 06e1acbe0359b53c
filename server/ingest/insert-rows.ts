import 'server-only';
import { randomBytes } from 'node:crypto';
import { Prisma } from '@/generated/prisma/client';
import type { Tx } from '@/server/db';

/** A column of a set-based insert: its name and the SQL type its JSON value is read as. */
export type RowColumn = readonly [name: string, sqlType: string];

// Names and types are spliced into the statement (Prisma.raw), so they must be what code
// writes, never input: a quoted identifier and a type name such as `timestamp(3)`,
// `"HitStatus"`, `text[]` or `jsonb`. Anything else is a programming error and throws.
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const SQL_TYPE = /^(?:"[A-Za-z_][A-Za-z0-9_]*"|[a-z_][a-z0-9_ ]*(?:\(\d+(?:,\s*\d+)?\))?)(?:\[\])?$/;

function identifier(name: string): Prisma.Sql {
  if (!IDENTIFIER.test(name)) throw new Error(`insertRows: ${JSON.stringify(name)} is not a plain identifier`);
  return Prisma.raw(`"${name}"`);
}

function sqlType(type: string): Prisma.Sql {
  if (!SQL_TYPE.test(type)) throw new Error(`insertRows: ${JSON.stringify(type)} is not a plain SQL type`);
  return Prisma.raw(type);
}

/**
 * Inserts all rows into `table` in one statement, in the caller's transaction:
 * INSERT … SELECT FROM json_to_recordset($1), the rows sent as one JSON parameter. With
 * a thousand rows of thirty columns this is a fraction of what createMany costs (Prisma
 * builds and binds every value of every row in JavaScript). Table and column names come
 * from code, never from input; every value travels as data.
 */
export async function insertRows(tx: Tx, table: string, columns: readonly RowColumn[], rows: readonly Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  const names = Prisma.join(columns.map(([name]) => identifier(name)));
  const types = Prisma.join(columns.map(([name, type]) => Prisma.sql`${identifier(name)} ${sqlType(type)}`));
  await tx.$executeRaw`INSERT INTO ${identifier(table)} (${names}) SELECT ${names} FROM json_to_recordset(${JSON.stringify(rows)}::json) AS r(${types})`;
}

// Random bytes drawn 4 KiB at a time (as crypto.randomUUID does): a batch takes thousands of
// ids, and a call into the random source per id showed in the ingestion profile.
const POOL_IDS = 256;
let pool = Buffer.alloc(0);
let poolOffset = 0;

/** 16 fresh random bytes, a copy that the caller may overwrite. */
function randomIdBytes(): Buffer {
  if (poolOffset >= pool.length) {
    pool = randomBytes(16 * POOL_IDS);
    poolOffset = 0;
  }
  const bytes = Buffer.from(pool.subarray(poolOffset, poolOffset + 16));
  poolOffset += 16;
  return bytes;
}

/**
 * A time-ordered UUID (RFC 9562 version 7), as Prisma's @default(uuid(7)) makes: rows
 * inserted without Prisma's createMany keep the ids it would have given them.
 */
export function uuidV7(now = Date.now()): string {
  const bytes = randomIdBytes();
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = 0x70 | ((bytes[6] as number) & 0x0f);
  bytes[8] = 0x80 | ((bytes[8] as number) & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
