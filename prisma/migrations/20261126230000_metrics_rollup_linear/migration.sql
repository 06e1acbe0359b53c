-- metrics_rollup_add_hits() (migration 20261126180000) asked, for each traveller of the new
-- hits, whether it had a hit outside them with `NOT (o.id = ANY (ids))`: a scan of the whole
-- array per hit, quadratic in the batch — 5,000 external hits cost 25 million comparisons, a
-- bulk load of 100,000 never finished. Same function, with the ids as a set (an anti-join on a
-- hashed set), linear in the batch. Hand-written: Prisma's differ ignores functions.
CREATE OR REPLACE FUNCTION metrics_rollup_add_hits(ids uuid[]) RETURNS void
LANGUAGE sql AS $$
  SELECT metrics_rollup_hits(array_agg(h), array_agg((SELECT min(e."createdAt") FROM "Escalation" e WHERE e."hitId" = h.id)), array_agg(1))
  FROM "Hit" h WHERE h.id = ANY (ids);
  WITH new_hits AS (SELECT DISTINCT unnest(ids) AS id),
  travellers AS (SELECT DISTINCT h."travellerId" AS id FROM "Hit" h JOIN new_hits n ON n.id = h.id)
  INSERT INTO "TravellerDailyRollup" (day, nationality, screened, travellers, "withHit", "decidedHits", "clearedHits")
  SELECT (t."collectedAt" AT TIME ZONE 'UTC')::date, coalesce(t.nationality::text, ''), b.kind IS DISTINCT FROM 'EXTERNAL', 0, count(*), 0, 0
  FROM travellers x
  JOIN "Traveller" t ON t.id = x.id
  LEFT JOIN "ScreeningBatch" b ON b.id = t."screeningBatchId"
  -- Its first hit is among the new ones: no hit of it lies outside them.
  WHERE NOT EXISTS (SELECT 1 FROM "Hit" o WHERE o."travellerId" = t.id AND o.id NOT IN (SELECT id FROM new_hits))
  GROUP BY 1, 2, 3;
$$;
