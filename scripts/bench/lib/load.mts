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
      const i = issued++;
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
  const seconds = (performance.now() - started) / 1000;
  return { ...summarize(latencies, errors), clients: options.clients, seconds, perSecond: latencies.length / seconds, firstError };
}
