import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import type { Db } from '@/server/db';

/**
 * The statements of a metrics read sent as one: each part's rows come back as a JSON array in a
 * column of a single row. The metrics dashboard's figures were 16 statements on as many pooled
 * connections; each cost the server about 0.8 ms of CPU to send and decode (Prisma, node-postgres'
 * text parsing of arrays and numerics), 19 ms a request in all, as much as half of what
 * PostgreSQL spent on the figures themselves (scripts/bench/README.md, tenth pass). As one
 * statement the server parses one JSON document.
 *
 * Parallel workers are turned off for it: the parts read small rollups, where starting workers
 * costs more than it saves — the same statements took 35 ms with them and 23 ms without on an
 * idle machine, and under load every worker takes a core from another request.
 *
 * Rows arrive as JSON: counts and sums are numbers, arrays are arrays, and a timestamptz is a
 * string with its offset (`new Date(value)` reads it). A part's own ORDER BY holds: json_agg
 * reads the part's rows straight from its subquery, in their order.
 */
export class MetricsRound {
  private readonly parts: { sql: Prisma.Sql; resolve: (rows: unknown[]) => void; reject: (error: unknown) => void }[] = [];
  private started = false;

  /** The rows of `sql`, once the round has run. Every part must be added before `run`. */
  rows<T>(sql: Prisma.Sql): Promise<T[]> {
    if (this.started) return Promise.reject(new Error('A metrics round takes its statements before it runs: this one came too late.'));
    return new Promise<T[]>((resolve, reject) => {
      this.parts.push({ sql, resolve: resolve as (rows: unknown[]) => void, reject });
    });
  }

  /** Sends every part as one statement (in a transaction only to scope the setting) and hands each its rows. */
  async run(client: Db): Promise<void> {
    this.started = true;
    if (this.parts.length === 0) return;
    const columns = this.parts.map((part, i) => Prisma.sql`(SELECT coalesce(json_agg(t), '[]'::json) FROM (${part.sql}) t) AS ${Prisma.raw(`"p${i}"`)}`);
    try {
      const [, rows] = await client.$transaction([
        client.$executeRaw`SET LOCAL max_parallel_workers_per_gather = 0`,
        client.$queryRaw<Record<string, unknown>[]>`SELECT ${Prisma.join(columns, ',\n')}`,
      ]);
      // Prisma reads a json column as its value; json_agg under coalesce is always an array.
      const values = this.parts.map((_, i) => rows[0]?.[`p${i}`]);
      if (!values.every(Array.isArray)) throw new Error('A metrics round answered without an array for each of its parts.');
      this.parts.forEach((part, i) => part.resolve(values[i] as unknown[]));
    } catch (error) {
      for (const part of this.parts) part.reject(error);
      throw error;
    }
  }
}

/** Runs `read`, which adds its statements to a round before its first await, as one statement on `client`. */
export async function readInOneRound<T>(client: Db, read: (round: MetricsRound) => Promise<T>): Promise<T> {
  const round = new MetricsRound();
  const result = read(round);
  // If the round fails, `result` rejects with the same error, which run() throws.
  result.catch(() => {});
  await round.run(client);
  return result;
}

