import 'server-only';
import type { MetricsQueryInput, PnrStatistics } from '@/lib/schemas/metrics';
import type { Caller } from '@/server/auth/caller';
import { requirePermission } from '@/server/auth/require-permission';
import { readFromReplica } from '@/server/db-replica';
import { Prisma } from '@/generated/prisma/client';
import { CONFIRMED_SQL, count } from './hit-outcome-sql';
import { readInOneRound } from './metrics-round';
import { periodBounds } from './period';
import { readScreened } from './screened';
import { validateMetricsQuery } from './validate-metrics-query';

// PNR Directive art. 20 asks for "the total number of passengers whose PNR data were collected
// and exchanged" and "the number of passengers identified for further examination in accordance
// with Article 6(2)(a)". Here:
//  - collected: travellers screened, as the funnel counts them (./screened.ts);
//  - identified for further examination: distinct travellers with a hit of the period that a
//    person confirmed as a true match — confirmed, or escalated (requested or approved) —
//    since art. 6(5) makes a person's review the step that identifies someone; automated hits
//    a person cleared identify nobody;
//  - forwarded: of those, the travellers whose escalation a supervisor approved (disclosed to
//    a competent authority, art. 6(2)(a) and 6(6)), reported beside the two the article names.
const DEFINITIONS: PnrStatistics['definitions'] = {
  passengersCollected: 'Travellers screened in the period (screening batches; per day, a traveller screened against several lists counts once).',
  passengersIdentifiedForFurtherExamination:
    'Distinct travellers with a hit created in the period that a person confirmed as a true match (confirmed, escalation requested or escalated).',
  passengersForwarded: 'Distinct travellers with a hit created in the period whose escalation was approved for disclosure to a competent authority.',
};

/** The art. 20 statistics for a period: counts only, so reading them is not recorded, and they may come from the read replica (see get-metrics.ts). */
export async function getPnrStatistics(caller: Caller, input: MetricsQueryInput, options: { now?: Date } = {}): Promise<PnrStatistics> {
  await requirePermission(caller, 'metrics.read', { type: 'metrics' });
  const query = validateMetricsQuery(input);
  const bounds = periodBounds(query);
  const [screened, [identified]] = await readFromReplica((client) => readInOneRound(client, (round) =>
    Promise.all([
      readScreened(round, bounds),
      round.rows<{ identified: bigint | number | null; forwarded: bigint | number | null }>(Prisma.sql`
        SELECT count(DISTINCT h."travellerId") FILTER (WHERE ${CONFIRMED_SQL}) AS identified,
          -- Approving an escalation is what makes a hit ESCALATED (server/escalations/decide-escalation.ts).
          count(DISTINCT h."travellerId") FILTER (WHERE h.status = 'ESCALATED') AS forwarded
        FROM "Hit" h
        WHERE h."createdAt" >= ${bounds.start} AND h."createdAt" < ${bounds.end}`),
    ])),
  );
  return {
    period: { from: query.from, to: query.to },
    generatedAt: (options.now ?? new Date()).toISOString(),
    passengersCollected: screened.reduce((sum, row) => sum + row.screened, 0),
    passengersIdentifiedForFurtherExamination: count(identified?.identified),
    passengersForwarded: count(identified?.forwarded),
    definitions: DEFINITIONS,
  };
}
