import 'server-only';
import type { Db } from '@/server/db';
import { parseLsn, ReplicaLag } from './replica-lag';

/** Where stale-tolerant reads go now, and why; `checkedAt` is on the router's clock (ms). */
export type ReplicaState =
  | { use: 'replica'; lagSeconds: number; checkedAt: number }
  | { use: 'primary'; reason: 'lagging' | 'lag-unknown' | 'not-a-standby' | 'unreachable' | 'read-failed'; detail: string; lagSeconds: number | null; checkedAt: number };

export interface ReadRouterOptions {
  primary: () => Db;
  replica: Db;
  maxLagSeconds: number;
  /** How long a check's answer is reused: the check costs two small queries, not one per request. */
  checkIntervalMs: number;
  /** A check that takes longer (an unreachable host) counts as a failed one. */
  checkTimeoutMs?: number;
  /** A monotonic clock in ms. */
  now?: () => number;
  /** One line when the answer changes (replica ↔ primary, or a new reason), never per request. */
  log?: (message: string) => void;
}

/** The line of an error that says what happened: Prisma's messages end with the driver's reason. */
function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.trim().split('\n').filter((line) => line.trim() !== '').at(-1)?.trim() ?? 'unknown error';
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Sends reads that record nothing and tolerate seconds of staleness to a streaming replica
 * while it is reachable and its lag is under the bound, and to the primary otherwise. A broken
 * replica costs speed, never an answer: a failed check or read falls back to the primary, is
 * logged once, and the replica is tried again at the next check.
 */
export class ReadRouter {
  private state: ReplicaState | null = null;
  private pending: Promise<ReplicaState> | null = null;
  private readonly lag: ReplicaLag;
  private readonly now: () => number;
  private readonly log: (message: string) => void;
  /** Checks run so far (the tests count them). */
  checks = 0;

  constructor(private readonly options: ReadRouterOptions) {
    this.now = options.now ?? (() => performance.now());
    this.log = options.log ?? ((message) => console.warn(message));
    this.lag = new ReplicaLag(options.maxLagSeconds * 2000);
  }

  /** Runs `read` on the replica when it is fresh, else — or when it fails there — on the primary. `read` must not write. */
  async read<T>(read: (client: Db) => Promise<T>): Promise<T> {
    const state = await this.current();
    if (state.use === 'primary') return read(this.options.primary());
    try {
      return await read(this.options.replica);
    } catch (error) {
      // A read is safe to repeat. Until the next check, the primary takes the reads.
      this.settle({ use: 'primary', reason: 'read-failed', detail: reasonOf(error), lagSeconds: null, checkedAt: this.now() });
      return read(this.options.primary());
    }
  }

  /** The answer of the last check while it is recent, else a new check's (concurrent callers share one). */
  current(): Promise<ReplicaState> {
    if (this.state && this.now() - this.state.checkedAt < this.options.checkIntervalMs) return Promise.resolve(this.state);
    return this.refresh();
  }

  /** Checks the replica now, whatever the last answer's age. */
  refresh(): Promise<ReplicaState> {
    this.pending ??= this.check()
      .then((state) => this.settle(state))
      .finally(() => {
        this.pending = null;
      });
    return this.pending;
  }

  async close(): Promise<void> {
    await this.options.replica.$disconnect();
  }

  private async check(): Promise<ReplicaState> {
    this.checks++;
    const timeout = this.options.checkTimeoutMs ?? 2000;
    const at = this.now();
    let primaryLsn: string;
    try {
      // The primary's position first: what the replica has replayed is compared with it.
      const [row] = await withTimeout(this.options.primary().$queryRaw<{ lsn: string }[]>`SELECT pg_current_wal_lsn()::text AS lsn`, timeout);
      primaryLsn = row!.lsn;
    } catch (error) {
      // Without the primary nothing can be read anyway; its own error reaches the request.
      return { use: 'primary', reason: 'lag-unknown', detail: `the primary's WAL position: ${reasonOf(error)}`, lagSeconds: null, checkedAt: at };
    }
    let replica: { inRecovery: boolean; replayLsn: string | null; replayAgeSeconds: number | null };
    try {
      const [row] = await withTimeout(
        this.options.replica.$queryRaw<(typeof replica)[]>`
          SELECT pg_is_in_recovery() AS "inRecovery", pg_last_wal_replay_lsn()::text AS "replayLsn",
            extract(epoch FROM now() - pg_last_xact_replay_timestamp())::float8 AS "replayAgeSeconds"`,
        timeout,
      );
      replica = row!;
    } catch (error) {
      return { use: 'primary', reason: 'unreachable', detail: reasonOf(error), lagSeconds: null, checkedAt: at };
    }
    // A server that is not replaying (a promoted or unrelated one) follows nothing: its data may be anything.
    if (!replica.inRecovery || replica.replayLsn === null) {
      return { use: 'primary', reason: 'not-a-standby', detail: 'the replica is not a standby in recovery', lagSeconds: null, checkedAt: at };
    }
    const lagSeconds = this.lag.measure(this.now(), { at, lsn: parseLsn(primaryLsn) }, { replayLsn: parseLsn(replica.replayLsn), replayAgeSeconds: replica.replayAgeSeconds });
    if (lagSeconds === null) return { use: 'primary', reason: 'lag-unknown', detail: 'the replica is behind and has replayed nothing to date it by yet', lagSeconds, checkedAt: at };
    if (lagSeconds > this.options.maxLagSeconds) {
      return { use: 'primary', reason: 'lagging', detail: `lag ${lagSeconds.toFixed(2)} s is over ${this.options.maxLagSeconds} s`, lagSeconds, checkedAt: at };
    }
    return { use: 'replica', lagSeconds, checkedAt: at };
  }

  private settle(next: ReplicaState): ReplicaState {
    const previous = this.state;
    this.state = next;
    const changed = previous === null || previous.use !== next.use || (previous.use === 'primary' && next.use === 'primary' && previous.reason !== next.reason);
    if (changed) {
      this.log(
        next.use === 'replica'
          ? `Read replica in use${previous ? ' again' : ''} (lag ${next.lagSeconds.toFixed(2)} s).`
          : `Read replica not used (${next.reason}: ${next.detail}); its reads go to the primary until a check finds it fresh.`,
      );
    }
    return next;
  }
}
