// CPU time of the app server and of PostgreSQL, read from /proc, for what each request costs
// them beside what its statements cost PostgreSQL alone. Wall-clock ratios on 2 saturated cores
// measure queueing as much as work; CPU per request measures the work (scripts/bench/README.md).
import { readdirSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import type pg from 'pg';

/** Clock ticks per second of /proc's CPU times. */
const TICKS = (() => {
  const out = spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' });
  const ticks = Number(out.stdout?.trim());
  return Number.isFinite(ticks) && ticks > 0 ? ticks : 100;
})();

interface Stat {
  ppid: number;
  /** utime + stime, seconds. */
  own: number;
  /** cutime + cstime (children waited for), seconds. */
  children: number;
}

function stat(pid: number): Stat | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // After the command's closing parenthesis: state, ppid, …; utime is field 14, cstime 17.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    const n = (i: number) => Number(fields[i - 3]);
    return { ppid: n(4), own: (n(14) + n(15)) / TICKS, children: (n(16) + n(17)) / TICKS };
  } catch {
    return null;
  }
}

export interface CpuSample {
  app: number;
  database: number;
}

export interface CpuMeter {
  sample: () => CpuSample;
}

/**
 * A meter of the app server's process and of the PostgreSQL server behind `pool` (its postmaster
 * with every live backend and helper, plus what exited ones used). Null when either is not a
 * process of this machine (a remote database, or no /proc).
 */
export async function cpuMeter(appPid: number | undefined, pool: pg.Pool): Promise<CpuMeter | null> {
  if (!appPid || !stat(appPid)) return null;
  const backend = (await pool.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]?.pid;
  const postmaster = backend ? stat(backend)?.ppid : undefined;
  if (!postmaster || !stat(postmaster)) return null;
  return {
    sample: () => {
      const main = stat(postmaster);
      let database = main ? main.own + main.children : 0;
      for (const entry of readdirSync('/proc')) {
        const pid = Number(entry);
        if (!Number.isInteger(pid) || pid === postmaster) continue;
        const child = stat(pid);
        if (child?.ppid === postmaster) database += child.own;
      }
      return { app: stat(appPid)?.own ?? 0, database };
    },
  };
}

/** CPU milliseconds per operation between two samples. */
export interface CpuPerOperation {
  appMs: number;
  databaseMs: number;
}

export function cpuPerOperation(before: CpuSample, after: CpuSample, operations: number): CpuPerOperation | null {
  if (operations <= 0) return null;
  return { appMs: ((after.app - before.app) * 1000) / operations, databaseMs: ((after.database - before.database) * 1000) / operations };
}
