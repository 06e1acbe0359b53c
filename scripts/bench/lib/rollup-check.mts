// The rollups the metrics read (migrations 20261126180000_metrics_rollups,
// 20261126190000_retention_state_rollup, 20261127110000_metrics_reveal_screened_rollups and
// 20261127110100_metrics_escalation_rollup) against the same figures counted directly from
// the rows, key by key over every day: after a bulk load they must agree exactly. Erasure
// subtracts nothing from the rollups by design, so on a database the retention job has
// erased from, the hit and traveller figures of erased days legitimately differ.
import type pg from 'pg';

export interface RollupComparison {
  rollup: string;
  /** The figure summed over every key, from the rollup and from the rows. */
  figure: string;
  fromRollup: number;
  fromRows: number;
  /** Keys (day, …) where any figure of the rollup differs from the rows. */
  keysDiffering: number;
}

const CHECKS: { rollup: string; figure: string; sql: string }[] = [
  {
    rollup: 'HitDailyRollup',
    figure: 'hits',
    sql: `
      WITH r AS (SELECT day, "sourceId" AS s, "offenceCategory" AS c, sum(hits) AS a, sum(cleared) AS b, sum(confirmed) AS x,
                   sum("escalationPending") AS y, sum(escalated) AS z FROM "HitDailyRollup" GROUP BY 1, 2, 3),
           d AS (SELECT ("createdAt" AT TIME ZONE 'UTC')::date AS day, "sourceId" AS s, "offenceCategory" AS c, count(*) AS a,
                   count(*) FILTER (WHERE status = 'CLEARED') AS b, count(*) FILTER (WHERE status = 'CONFIRMED') AS x,
                   count(*) FILTER (WHERE status = 'ESCALATION_PENDING') AS y, count(*) FILTER (WHERE status = 'ESCALATED') AS z
                 FROM "Hit" GROUP BY 1, 2, 3)
      SELECT coalesce(sum(r.a), 0)::float8 AS rollup, coalesce(sum(d.a), 0)::float8 AS rows,
        count(*) FILTER (WHERE (coalesce(r.a, 0), coalesce(r.b, 0), coalesce(r.x, 0), coalesce(r.y, 0), coalesce(r.z, 0))
                        IS DISTINCT FROM (coalesce(d.a, 0), coalesce(d.b, 0), coalesce(d.x, 0), coalesce(d.y, 0), coalesce(d.z, 0)))::int AS differing
      FROM r FULL JOIN d USING (day, s, c)`,
  },
  {
    rollup: 'TravellerDailyRollup',
    figure: 'travellers',
    sql: `
      WITH r AS (SELECT day, nationality AS n, screened AS s, sum(travellers) AS a, sum("withHit") AS b, sum("decidedHits") AS x,
                   sum("clearedHits") AS y FROM "TravellerDailyRollup" GROUP BY 1, 2, 3),
           h AS (SELECT "travellerId" AS id, count(*) FILTER (WHERE status IN ('CLEARED', 'CONFIRMED', 'ESCALATION_PENDING', 'ESCALATED')) AS decided,
                   count(*) FILTER (WHERE status = 'CLEARED') AS cleared FROM "Hit" GROUP BY 1),
           d AS (SELECT (t."collectedAt" AT TIME ZONE 'UTC')::date AS day, coalesce(t.nationality::text, '') AS n,
                   b.kind IS DISTINCT FROM 'EXTERNAL' AS s, count(*) AS a, count(h.id) AS b, coalesce(sum(h.decided), 0) AS x,
                   coalesce(sum(h.cleared), 0) AS y
                 FROM "Traveller" t LEFT JOIN "ScreeningBatch" b ON b.id = t."screeningBatchId" LEFT JOIN h ON h.id = t.id GROUP BY 1, 2, 3)
      SELECT coalesce(sum(r.a), 0)::float8 AS rollup, coalesce(sum(d.a), 0)::float8 AS rows,
        count(*) FILTER (WHERE (coalesce(r.a, 0), coalesce(r.b, 0), coalesce(r.x, 0), coalesce(r.y, 0))
                        IS DISTINCT FROM (coalesce(d.a, 0), coalesce(d.b, 0), coalesce(d.x, 0), coalesce(d.y, 0)))::int AS differing
      FROM r FULL JOIN d USING (day, n, s)`,
  },
  {
    rollup: 'HitReviewTimeRollup',
    figure: 'decided hits',
    sql: `
      WITH r AS (SELECT day, bucket, sum(decided) AS a, sum("pastDeadline") AS b, sum("totalMs") AS x FROM "HitReviewTimeRollup" GROUP BY 1, 2),
           f AS (SELECT "hitId", min("createdAt") AS at FROM "Escalation" GROUP BY 1),
           e AS (SELECT (h."createdAt" AT TIME ZONE 'UTC')::date AS day, least(h."decidedAt", f.at) AS first, h."createdAt", h."dueAt"
                 FROM "Hit" h LEFT JOIN f ON f."hitId" = h.id
                 WHERE h.status IN ('CLEARED', 'CONFIRMED', 'ESCALATION_PENDING', 'ESCALATED') AND least(h."decidedAt", f.at) IS NOT NULL),
           d AS (SELECT day, metrics_review_bucket(round(extract(epoch FROM first - "createdAt") * 1000)::bigint) AS bucket, count(*) AS a,
                   count(*) FILTER (WHERE first > "dueAt") AS b, sum(round(extract(epoch FROM first - "createdAt") * 1000)::bigint) AS x
                 FROM e GROUP BY 1, 2)
      SELECT coalesce(sum(r.a), 0)::float8 AS rollup, coalesce(sum(d.a), 0)::float8 AS rows,
        count(*) FILTER (WHERE (coalesce(r.a, 0), coalesce(r.b, 0), coalesce(r.x, 0))
                        IS DISTINCT FROM (coalesce(d.a, 0), coalesce(d.b, 0), coalesce(d.x, 0)))::int AS differing
      FROM r FULL JOIN d USING (day, bucket)`,
  },
  {
    rollup: 'HitRevealRollup',
    figure: 'reveals',
    sql: `
      WITH r AS (SELECT day, "revealDay" AS rd, sum(reveals) AS a, sum(followed) AS b FROM "HitRevealRollup" GROUP BY 1, 2),
           d AS (SELECT (h."createdAt" AT TIME ZONE 'UTC')::date AS day, (e.at AT TIME ZONE 'UTC')::date AS rd, count(*) AS a,
                   count(*) FILTER (WHERE EXISTS (
                     SELECT 1 FROM "HitEvent" he WHERE he."hitId" = h.id AND he."actorId" = e."actorId"
                       AND he.type IN ('CLEARED', 'CONFIRMED', 'ESCALATION_REQUESTED') AND he.at BETWEEN e.at AND e.at + interval '24 hours')) AS b
                 FROM "AccessEvent" e JOIN "Hit" h ON h.id = e."resourceId"::uuid
                 WHERE e.operation = 'CONSULTATION' AND e."resourceType" = 'hit' AND (e.details ->> 'view') = 'reveal'
                 GROUP BY 1, 2)
      SELECT coalesce(sum(r.a), 0)::float8 AS rollup, coalesce(sum(d.a), 0)::float8 AS rows,
        count(*) FILTER (WHERE (coalesce(r.a, 0), coalesce(r.b, 0)) IS DISTINCT FROM (coalesce(d.a, 0), coalesce(d.b, 0)))::int AS differing
      FROM r FULL JOIN d USING (day, rd)`,
  },
  {
    rollup: 'ScreenedDailyRollup',
    figure: 'travellers screened',
    sql: `
      WITH r AS (SELECT day, "sourceId" AS s, sum(travellers) AS a FROM "ScreenedDailyRollup" GROUP BY 1, 2),
           d AS (SELECT day, "sourceId" AS s, sum("travellersScreened") AS a FROM "ScreeningBatch" WHERE status = 'COMPLETED' GROUP BY 1, 2)
      SELECT coalesce(sum(r.a), 0)::float8 AS rollup, coalesce(sum(d.a), 0)::float8 AS rows,
        count(*) FILTER (WHERE coalesce(r.a, 0) IS DISTINCT FROM coalesce(d.a, 0))::int AS differing
      FROM r FULL JOIN d ON r.day = d.day AND r.s IS NOT DISTINCT FROM d.s`,
  },
  {
    rollup: 'HitEscalationRollup',
    figure: 'hits with an escalation',
    sql: `
      WITH r AS (SELECT day, sum(requested) AS a, sum(approved) AS b, sum(disclosed) AS x FROM "HitEscalationRollup" GROUP BY 1),
           d AS (SELECT (h."createdAt" AT TIME ZONE 'UTC')::date AS day, count(DISTINCT e."hitId") AS a,
                   count(DISTINCT e."hitId") FILTER (WHERE e.status = 'APPROVED') AS b, count(DISTINCT e."hitId") FILTER (WHERE p.id IS NOT NULL) AS x
                 FROM "Escalation" e JOIN "Hit" h ON h.id = e."hitId" LEFT JOIN "DisclosurePackage" p ON p."escalationId" = e.id GROUP BY 1)
      SELECT coalesce(sum(r.a), 0)::float8 AS rollup, coalesce(sum(d.a), 0)::float8 AS rows,
        count(*) FILTER (WHERE (coalesce(r.a, 0), coalesce(r.b, 0), coalesce(r.x, 0))
                        IS DISTINCT FROM (coalesce(d.a, 0), coalesce(d.b, 0), coalesce(d.x, 0)))::int AS differing
      FROM r FULL JOIN d USING (day)`,
  },
  {
    rollup: 'RetentionStateRollup',
    figure: 'travellers stored',
    sql: `
      WITH r AS (SELECT day, state, sum(travellers) AS a FROM "RetentionStateRollup" WHERE state <> 'erased' GROUP BY 1, 2),
           d AS (SELECT ("collectedAt" AT TIME ZONE 'UTC')::date AS day, retention_state_of("maskedAt") AS state, count(*) AS a FROM "Traveller" GROUP BY 1, 2)
      SELECT coalesce(sum(r.a), 0)::float8 AS rollup, coalesce(sum(d.a), 0)::float8 AS rows,
        count(*) FILTER (WHERE coalesce(r.a, 0) IS DISTINCT FROM coalesce(d.a, 0))::int AS differing
      FROM r FULL JOIN d USING (day, state)`,
  },
];

/** Each rollup against its direct count; all agree when every keysDiffering is 0. */
export async function compareRollups(client: pg.Client): Promise<RollupComparison[]> {
  const results: RollupComparison[] = [];
  for (const check of CHECKS) {
    const row = (await client.query<{ rollup: number; rows: number; differing: number }>(check.sql)).rows[0];
    results.push({ rollup: check.rollup, figure: check.figure, fromRollup: row?.rollup ?? 0, fromRows: row?.rows ?? 0, keysDiffering: row?.differing ?? 0 });
  }
  return results;
}
