import 'server-only';

// How far behind a streaming replica's data is, measured without writing anything.
//
// `now() - pg_last_xact_replay_timestamp()` alone is not a lag: on an idle primary nothing is
// replayed, so it grows while the replica is perfectly current. Comparing WAL positions is
// exact about *whether* the replica is behind, but says bytes, not seconds. So a check reads
// the primary's WAL position first (pg_current_wal_lsn(), noting when it asked), then the
// replica's replayed position, and:
//   - replayed ≥ that position: the replica holds everything the primary had when the check
//     began, so its lag is at most the check's own duration;
//   - otherwise it is behind, and two upper bounds are known; the smaller one is the lag:
//       · the age of the last commit it replayed (its data equal the primary's as of that
//         commit or later) — a wall-clock difference, so it assumes synchronised clocks;
//       · the time since an earlier check saw the primary at a position the replica has
//         replayed by now (its data are at least as new as the primary's then).
// Both bounds over-estimate, never under-estimate: a replica is never taken for fresher than it
// is, only sometimes for staler (costing a read on the primary, not a wrong figure).

/** A WAL position ("16/B374D848") as a number. */
export function parseLsn(text: string): bigint {
  const match = /^([0-9A-Fa-f]{1,8})\/([0-9A-Fa-f]{1,8})$/.exec(text.trim());
  if (!match) throw new Error(`Not a WAL position: ${text}`);
  return (BigInt(`0x${match[1]}`) << 32n) | BigInt(`0x${match[2]}`);
}

/** The primary's WAL position, and when (on the app's clock, ms) the check asked for it. */
export interface PrimarySample {
  at: number;
  lsn: bigint;
}

export interface ReplicaPosition {
  /** pg_last_wal_replay_lsn() */
  replayLsn: bigint;
  /** now() - pg_last_xact_replay_timestamp() in seconds; null when nothing was replayed since it started. */
  replayAgeSeconds: number | null;
}

/** Earlier samples kept at most; one per check, so this covers minutes at a few seconds a check. */
const MAX_SAMPLES = 256;

export class ReplicaLag {
  private samples: PrimarySample[] = [];

  /** @param horizonMs samples older than this are dropped: they could only prove a lag above the bound. */
  constructor(private readonly horizonMs: number) {}

  /**
   * The replica's lag in seconds at `now` (an upper bound, see above), or null when no bound is
   * known yet; then remembers `primary` for later checks.
   */
  measure(now: number, primary: PrimarySample, replica: ReplicaPosition): number | null {
    const lag = this.lagOf(now, primary, replica);
    this.samples.push(primary);
    this.samples = this.samples.filter((sample) => now - sample.at <= this.horizonMs).slice(-MAX_SAMPLES);
    return lag;
  }

  private lagOf(now: number, primary: PrimarySample, replica: ReplicaPosition): number | null {
    if (replica.replayLsn >= primary.lsn) return Math.max(0, now - primary.at) / 1000;
    const bounds: number[] = [];
    if (replica.replayAgeSeconds !== null) bounds.push(Math.max(0, replica.replayAgeSeconds));
    // Samples are in check order: the newest one the replica has passed is the tightest bound.
    const passed = this.samples.findLast((sample) => sample.lsn <= replica.replayLsn);
    if (passed) bounds.push(Math.max(0, now - passed.at) / 1000);
    return bounds.length === 0 ? null : Math.min(...bounds);
  }
}
