// Closed-loop load: N clients, each running its operation again as soon as the last
// answer arrived, for a duration or a number of requests. Latency is per operation.
import { summarize, type LatencySummary } from './stats.mts';

export interface LoadOptions {
  clients: number;
  /** Stop starting new operations after this long. */
  durationMs?: number;
  /** Stop after this many operations in total (whichever comes first). */
  requests?: number;
}

export interface LoadResult extends LatencySummary {
  clients: number;
  seconds: number;
  perSecond: number;
  firstError: string | null;
}

/** `op(client, i)` is called with the client number and the operation's global index. */
export async function runLoad(op: (client: number, i: number) => Promise<void>, options: LoadOptions): Promise<LoadResult> {
  return summarizeRun(await collect(op, options, 0), options.clients);
}

/**
 * Several operations measured in turns: each runs for `durationMs / rounds`, then the next, and
 * the whole sequence `rounds` times; each answer merges its turns. Operations compared with each
 * other (a transaction with and without an event) then share whatever the machine did meanwhile —
 * a checkpoint, an autovacuum, a table grown by the turn before — instead of one of them getting
 * all of it because it ran in the minute it happened.
 */
export async function runLoadsInTurns(ops: readonly ((client: number, i: number) => Promise<void>)[], options: { clients: number; durationMs: number; rounds: number }): Promise<LoadResult[]> {
  const runs = ops.map(() => ({ latencies: [] as number[], errors: 0, firstError: null as string | null, seconds: 0, next: 0 }));
  const turnMs = options.durationMs / options.rounds;
  for (let round = 0; round < options.rounds; round++) {
    for (const [k, op] of ops.entries()) {
      const run = runs[k]!;
      const turn = await collect(op, { clients: options.clients, durationMs: turnMs }, run.next);
      run.latencies.push(...turn.latencies);
      run.errors += turn.errors;
      run.firstError ??= turn.firstError;
      run.seconds += turn.seconds;
      run.next = turn.next;
    }
  }
  return runs.map((run) => summarizeRun(run, options.clients));
}

/**
 * Runs an operation once for each of the `sample` items it goes through by its index, unmeasured,
 * before either side of a comparison is measured. The app side used to be measured first and read
 * its sample (5,000 random hits of five years; 1,000 travellers) from a cold cache, and the bare
 * SQL then read the same items warm: on the five-year profile a hit detail's statement took
 * 1.27 ms cold and 0.17 ms warm (pg_stat_statements), and the ratio compared the two.
 */
export async function warmSample(op: (i: number) => Promise<void>, sample: number | undefined, clients: number): Promise<void> {
  if (sample && sample > 1) await runLoad((_, i) => op(i), { clients, requests: sample });
}

interface Collected {
  latencies: number[];
  errors: number;
  firstError: string | null;
  seconds: number;
  /** The index the next operation would have had (a later turn goes on from it). */
  next: number;
}

function summarizeRun(run: Collected, clients: number): LoadResult {
  return { ...summarize(run.latencies, run.errors), clients, seconds: run.seconds, perSecond: run.latencies.length / run.seconds, firstError: run.firstError };
}

async function collect(op: (client: number, i: number) => Promise<void>, options: LoadOptions, firstIndex: number): Promise<Collected> {
  if (options.durationMs === undefined && options.requests === undefined) throw new Error('runLoad: give a duration or a request count');
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | null = null;
  let issued = 0;
  const started = performance.now();
  const deadline = options.durationMs === undefined ? Number.POSITIVE_INFINITY : started + options.durationMs;
  const limit = options.requests ?? Number.POSITIVE_INFINITY;

  async function client(id: number): Promise<void> {
    while (issued < limit && performance.now() < deadline) {
      const i = firstIndex + issued++;
      const t0 = performance.now();
      try {
        await op(id, i);
        latencies.push(performance.now() - t0);
      } catch (error) {
        errors += 1;
        firstError ??= error instanceof Error ? error.message : String(error);
      }
    }
  }

  await Promise.all(Array.from({ length: options.clients }, (_, id) => client(id)));
  return { latencies, errors, firstError, seconds: (performance.now() - started) / 1000, next: firstIndex + issued };
}
