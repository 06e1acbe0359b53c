import type { Db } from './harness';

// A fingerprint of what the application stores, for "a refused request wrote nothing": per
// table, the row count and the newest row version's transaction id (xmin) — an insert or an
// update makes a row version with a newer one, a delete lowers the count, and a rolled-back
// write leaves nothing visible — a scan of each table, a few milliseconds for the fifteen
// thousand watchlist entries. Where some columns change by design, a hash of each row without
// them instead. Every table of the schema is in it — a new one included — except
// the few a refused request or a timer writes by design, each with its reason below.

const NOT_COMPARED: Record<string, string> = {
  AccessEvent: 'every request leaves its access event, refusals included',
  AccessEventPending: 'access events wait here until the chainer links them',
  AccessLogHead: 'the chainer moves the head on its timer',
  AccessEventPersonCount: 'the chainer counts what it links, on its timer (follows AccessEvent)',
  AccessLogCheckpoint: 'checkpoints are written on a timer',
  AccessLogVerification: 'a verification started earlier writes its progress and result in the background',
  Session: 'each request touches its session (idle timeout)',
  LoginFailure: 'a wrong current password counts against the login throttle, refused or not',
  HitDailyRollup: 'rollups are compacted on a timer (their rows follow Hit, which is compared)',
  TravellerDailyRollup: 'compacted on a timer; follows Traveller',
  HitReviewTimeRollup: 'compacted on a timer; follows Hit',
  RetentionStateRollup: 'compacted on a timer; follows Traveller',
  HitRevealRollup: 'the chainer appends a reveal as it links it, and the compaction folds the rows on a timer; follows AccessEvent',
  ScreenedDailyRollup: 'compacted on a timer; follows ScreeningBatch',
  HitEscalationRollup: 'compacted on a timer; follows Escalation',
  HitWeeklyRollup: 'the compaction adds the daily rows it folds, on a timer; follows HitDailyRollup',
  TravellerWeeklyRollup: 'the compaction adds the daily rows it folds, on a timer; follows TravellerDailyRollup',
  HitReviewTimeWeeklyRollup: 'the compaction adds the daily rows it folds, on a timer; follows HitReviewTimeRollup',
  _prisma_migrations: 'migrations, not data',
};

/** Columns that change on refusals by design: sign-in and throttling bookkeeping, a token's last use. */
const COLUMNS_NOT_COMPARED: Record<string, string[]> = {
  User: ['failedLoginCount', 'lockedUntil', 'lastLoginAt', 'updatedAt'],
  ApiToken: ['lastUsedAt'],
};

export type Snapshot = Record<string, string>;

export class TableSnapshots {
  private constructor(
    private readonly db: Db,
    private readonly sql: string,
    readonly tables: string[],
  ) {}

  static async prepare(db: Db): Promise<TableSnapshots> {
    const rows = await db.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
    );
    const tables = rows.map((row) => row.name).filter((name) => !(name in NOT_COMPARED));
    // Identifiers from the catalogue itself, quoted.
    const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;
    const fingerprint = (table: string) => {
      const skipped = COLUMNS_NOT_COMPARED[table];
      if (!skipped) return 'coalesce(max(xmin::text::bigint), 0)';
      return `coalesce(sum(hashtextextended((to_jsonb(t)${skipped.map((column) => ` - '${column}'`).join('')})::text, 0)), 0)`;
    };
    const parts = tables.map((table) => `(SELECT count(*) || ':' || ${fingerprint(table)} FROM ${ident(table)} t) AS ${ident(table)}`);
    return new TableSnapshots(db, `SELECT ${parts.join(', ')}`, tables);
  }

  async take(): Promise<Snapshot> {
    const [row] = await this.db.query<Snapshot>(this.sql);
    return row ?? {};
  }
}

/** The tables whose rows differ between two snapshots. */
export function changedTables(before: Snapshot, after: Snapshot): string[] {
  return Object.keys(after).filter((table) => before[table] !== after[table]);
}
