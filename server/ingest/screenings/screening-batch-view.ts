import 'server-only';
import type { ScreeningBatchView } from '@/lib/schemas/ingest';

interface Row {
  id: string;
  externalRef: string | null;
  travellersScreened: number;
  hitsCreated: number;
  hitsSuppressed: number;
  sensitiveValuesDeleted: number;
  startedAt: Date;
  finishedAt: Date | null;
}

/** Counts and times only: a batch's answer carries no traveller's personal data. */
export function toScreeningBatchView(row: Row): ScreeningBatchView {
  return {
    id: row.id,
    externalRef: row.externalRef,
    status: 'COMPLETED',
    travellersScreened: row.travellersScreened,
    hitsCreated: row.hitsCreated,
    hitsSuppressed: row.hitsSuppressed,
    sensitiveValuesDeleted: row.sensitiveValuesDeleted,
    startedAt: row.startedAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}
