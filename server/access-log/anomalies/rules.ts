import 'server-only';
import type { AnomalyRule } from '@/lib/schemas/access-log';
import { env } from '@/lib/env';
import type { Tx } from '@/server/db';

// Each rule is one SQL query over a time window, returning the flagged items with a key
// that stays the same between runs (so a review sticks to its item).

export interface RawItem {
  key: string;
  actorLabel: string | null;
  at: Date;
  travellerId: string | null;
  detail: string;
}

export interface Window {
  from: Date;
  to: Date;
}

const LIMIT = 500;

type Rule = (tx: Tx, window: Window) => Promise<RawItem[]>;

const unassignedConsultation: Rule = (tx, { from, to }) => tx.$queryRaw<RawItem[]>`
  SELECT 'seq-' || e.seq AS key, e."actorLabel", e.at, e."travellerId",
         'Opened hit ' || left(h.id::text, 8) || ', held by ' || coalesce(a.name, d.name, 'someone else') AS detail
  FROM "AccessEvent" e
  JOIN "Hit" h ON h.id::text = e."resourceId"
  LEFT JOIN "User" a ON a.id = h."assigneeId"
  LEFT JOIN "User" d ON d.id = h."decidedById"
  WHERE e.at BETWEEN ${from} AND ${to} AND e.operation = 'CONSULTATION' AND e."resourceType" = 'hit'
    AND e.details->>'view' = 'hit-detail' AND e."actorId" IS NOT NULL
    AND coalesce(h."assigneeId", h."decidedById") IS NOT NULL AND coalesce(h."assigneeId", h."decidedById") <> e."actorId"
  ORDER BY e.seq DESC LIMIT ${LIMIT}`;

const revealWithoutDecision: Rule = (tx, { from, to }) => tx.$queryRaw<RawItem[]>`
  SELECT 'seq-' || e.seq AS key, e."actorLabel", e.at, e."travellerId",
         'Revealed ' || coalesce(e.details->>'label', e.details->>'field', 'a field') || ' on hit ' || left(e."resourceId", 8) AS detail
  FROM "AccessEvent" e
  WHERE e.at BETWEEN ${from} AND ${to} AND e.at < now() - interval '24 hours'
    AND e.operation = 'CONSULTATION' AND e."resourceType" = 'hit' AND e.details->>'view' = 'reveal'
    AND NOT EXISTS (
      SELECT 1 FROM "HitEvent" he
      WHERE he."hitId"::text = e."resourceId" AND he."actorId" = e."actorId"
        AND he.type IN ('CLEARED', 'CONFIRMED', 'ESCALATION_REQUESTED')
        AND he.at BETWEEN e.at AND e.at + interval '24 hours')
  ORDER BY e.seq DESC LIMIT ${LIMIT}`;

const revealBurst: Rule = (tx, { from, to }) => tx.$queryRaw<RawItem[]>`
  SELECT 'burst-' || coalesce(e."actorId"::text, e."actorLabel") || '-' || to_char(date_trunc('hour', e.at), 'YYYY-MM-DD"T"HH24') AS key,
         min(e."actorLabel") AS "actorLabel", date_trunc('hour', e.at) AS at, NULL::uuid AS "travellerId",
         count(*) || ' reveals within the hour' AS detail
  FROM "AccessEvent" e
  WHERE e.at BETWEEN ${from} AND ${to} AND e.operation = 'CONSULTATION' AND e.details->>'view' = 'reveal'
  GROUP BY coalesce(e."actorId"::text, e."actorLabel"), date_trunc('hour', e.at)
  HAVING count(*) > ${env().ANOMALY_REVEALS_PER_HOUR}
  ORDER BY at DESC LIMIT ${LIMIT}`;

function workingHours(): [number, number] {
  const [start, end] = env().WORKING_HOURS_UTC.split('-').map(Number) as [number, number];
  return [start, end];
}

const outsideWorkingHours: Rule = (tx, { from, to }) => {
  const [start, end] = workingHours();
  return tx.$queryRaw<RawItem[]>`
    SELECT 'late-' || e."actorId" || '-' || to_char(e.at, 'YYYY-MM-DD') AS key,
           min(e."actorLabel") AS "actorLabel", min(e.at) AS at, NULL::uuid AS "travellerId",
           count(*) || ' events on personal data outside ' || ${start} || ':00–' || ${end} || ':00 UTC' AS detail
    FROM "AccessEvent" e
    WHERE e.at BETWEEN ${from} AND ${to} AND e."actorType" = 'USER' AND e."travellerId" IS NOT NULL
      AND (extract(hour FROM e.at AT TIME ZONE 'UTC') < ${start} OR extract(hour FROM e.at AT TIME ZONE 'UTC') >= ${end})
    GROUP BY e."actorId", to_char(e.at, 'YYYY-MM-DD')
    ORDER BY at DESC LIMIT ${LIMIT}`;
};

const maskedDataAccess: Rule = (tx, { from, to }) => tx.$queryRaw<RawItem[]>`
  SELECT 'seq-' || e.seq AS key, e."actorLabel", e.at, e."travellerId",
         initcap(lower(e.operation::text)) || ' of data masked since ' || to_char(t."maskedAt", 'YYYY-MM-DD') AS detail
  FROM "AccessEvent" e
  JOIN "Traveller" t ON t.id = e."travellerId"
  WHERE e.at BETWEEN ${from} AND ${to} AND e.operation IN ('CONSULTATION', 'DISCLOSURE')
    AND e."actorType" = 'USER' AND t."maskedAt" IS NOT NULL AND e.at > t."maskedAt"
  ORDER BY e.seq DESC LIMIT ${LIMIT}`;

const repeatedDenials: Rule = (tx, { from, to }) => tx.$queryRaw<RawItem[]>`
  SELECT 'denied-' || coalesce(e."actorId"::text, e."actorLabel", 'anonymous') || '-' || to_char(date_trunc('hour', e.at), 'YYYY-MM-DD"T"HH24') AS key,
         min(e."actorLabel") AS "actorLabel", date_trunc('hour', e.at) AS at, NULL::uuid AS "travellerId",
         count(*) || ' refused requests within the hour' AS detail
  FROM "AccessEvent" e
  WHERE e.at BETWEEN ${from} AND ${to} AND e.operation IN ('DENIED', 'LOGIN_FAILED')
  GROUP BY coalesce(e."actorId"::text, e."actorLabel", 'anonymous'), date_trunc('hour', e.at)
  HAVING count(*) >= ${env().ANOMALY_DENIALS_PER_HOUR}
  ORDER BY at DESC LIMIT ${LIMIT}`;

export const RULES: Record<AnomalyRule, Rule> = {
  UNASSIGNED_CONSULTATION: unassignedConsultation,
  REVEAL_WITHOUT_DECISION: revealWithoutDecision,
  REVEAL_BURST: revealBurst,
  OUTSIDE_WORKING_HOURS: outsideWorkingHours,
  MASKED_DATA_ACCESS: maskedDataAccess,
  REPEATED_DENIALS: repeatedDenials,
};

