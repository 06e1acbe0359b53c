-- Ingestion (issue 11): what a new hit costs to write.
--
-- 1. Hit had 16 indexes; every hit an engine sends is written into each. What each served
--    (server/hits/list-hits.ts, hit-queue-where.ts, claim-next-hit.ts, server/metrics,
--    server/retention; idx_scan on the one-year profile after the benchmarks; EXPLAIN
--    ANALYZE of every queue shape before and after, scripts/bench/README.md):
--    * (status, dueAt, id), (status, score, id), (status, createdAt, id): a queue of one
--      status. The open statuses (NEW, IN_REVIEW, ESCALATION_PENDING) are answered by the
--      partial open-queue indexes, which carry status; CLEARED is 95 % of all hits, so the
--      full (dueAt|score|createdAt, id) indexes find its rows at once. Only the rare decided
--      statuses (CONFIRMED, ESCALATED: about 5 % of hits) needed them: they get partial
--      indexes below, which a new hit (NEW) never enters.
--    * (sourceId, status, dueAt), (offenceCategory, status, dueAt): never used (idx_scan 0):
--      a source or offence filter is read along the sort order's index (3 sources, 28
--      offence categories, each a large share), as the plans already did.
--    * (assigneeId, status, dueAt, id) over all hits: "assigned to me" over all statuses reads
--      the sort order's index (two analysts share the year's hits); claim-next ("the most
--      urgent unassigned open hit") needs it only over the open queue: a partial index now.
--    Kept: the primary key; the three open-queue partial indexes; the three full sort
--    indexes (status "all" and CLEARED, the metrics' period ranges by createdAt); flightDate
--    (the flight-date filter); travellerId (retention, the rollups, cascades); entryId. A new
--    hit (NEW) is written into 11 indexes instead of 16: these 10 and the open-queue assignee
--    index; the three partial ones over CONFIRMED and ESCALATED only take decided hits.
DROP INDEX "Hit_status_dueAt_id_idx";
DROP INDEX "Hit_status_score_id_idx";
DROP INDEX "Hit_status_createdAt_id_idx";
DROP INDEX "Hit_sourceId_status_dueAt_idx";
DROP INDEX "Hit_offenceCategory_status_dueAt_idx";
DROP INDEX "Hit_assigneeId_status_dueAt_id_idx";

-- CreateIndex
CREATE INDEX "Hit_open_assigneeId_status_dueAt_id_idx" ON "Hit"("assigneeId", "status", "dueAt", "id") WHERE (status = ANY (ARRAY['NEW'::"HitStatus", 'IN_REVIEW'::"HitStatus", 'ESCALATION_PENDING'::"HitStatus"]));

-- CreateIndex
CREATE INDEX "Hit_flagged_dueAt_id_idx" ON "Hit"("dueAt", "id", "status") WHERE (status = ANY (ARRAY['CONFIRMED'::"HitStatus", 'ESCALATED'::"HitStatus"]));

-- CreateIndex
CREATE INDEX "Hit_flagged_score_id_idx" ON "Hit"("score", "id", "status") WHERE (status = ANY (ARRAY['CONFIRMED'::"HitStatus", 'ESCALATED'::"HitStatus"]));

-- CreateIndex
CREATE INDEX "Hit_flagged_createdAt_id_idx" ON "Hit"("createdAt", "id", "status") WHERE (status = ANY (ARRAY['CONFIRMED'::"HitStatus", 'ESCALATED'::"HitStatus"]));

-- 2. The insert rollup triggers read their rows from the transition table, not again from
--    the tables (but for the hits themselves, read back by primary key), and look up what
--    they join one key at a time. Before, a batch of 5,000
--    hits ran metrics_rollup_add_hits(ids), whose "is this the traveller's first hit"
--    anti-join the planner answered with sequential scans of all of "Hit" and "Traveller"
--    (1.5 s of a 4 s INSERT on the one-year profile, growing with the tables), and the
--    traveller trigger passed every row through an array and a lateral count. Same figures: the hit trigger
--    still counts each hit through metrics_rollup_hits() (with its first escalation request,
--    as before), and a traveller whose every hit is among the new rows gains its first hit.
--    metrics_rollup_add_hits() / _add_travellers() stay for bulk loads (scale-data.mts).
--    OFFSET 0 keeps each lookup a per-key index probe whatever the planner estimates.
CREATE OR REPLACE FUNCTION metrics_rollup_travellers_inserted() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  -- As metrics_rollup_travellers(rows, 1, false): new travellers have no hits yet.
  INSERT INTO "TravellerDailyRollup" (day, nationality, screened, travellers, "withHit", "decidedHits", "clearedHits")
  SELECT c.day, c.nationality, b.kind IS DISTINCT FROM 'EXTERNAL', sum(c.n), 0, 0, 0
  FROM (
    SELECT (n."collectedAt" AT TIME ZONE 'UTC')::date AS day, coalesce(n.nationality::text, '') AS nationality, n."screeningBatchId" AS batch_id, count(*) AS n
    FROM new_rows n GROUP BY 1, 2, 3
  ) c
  LEFT JOIN LATERAL (SELECT s.kind FROM "ScreeningBatch" s WHERE s.id = c.batch_id OFFSET 0) b ON true
  GROUP BY 1, 2, 3;
  RETURN NULL;
END;
$$;

CREATE OR REPLACE FUNCTION metrics_rollup_hits_inserted() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  -- The rows as "Hit" (a transition table's rows are records): read back by primary key.
  PERFORM metrics_rollup_hits(array_agg(h), array_agg((SELECT min(e."createdAt") FROM "Escalation" e WHERE e."hitId" = h.id)), array_agg(1))
  FROM "Hit" h WHERE h.id = ANY (ARRAY(SELECT n.id FROM new_rows n));
  -- Travellers whose every hit is among the new ones: their first hit, counted once.
  INSERT INTO "TravellerDailyRollup" (day, nationality, screened, travellers, "withHit", "decidedHits", "clearedHits")
  SELECT c.day, c.nationality, b.kind IS DISTINCT FROM 'EXTERNAL', 0, sum(c.n), 0, 0
  FROM (
    SELECT (t."collectedAt" AT TIME ZONE 'UTC')::date AS day, coalesce(t.nationality::text, '') AS nationality, t."screeningBatchId" AS batch_id, count(*) AS n
    FROM (SELECT n."travellerId" AS id, count(*) AS new_hits FROM new_rows n GROUP BY 1) x
    CROSS JOIN LATERAL (SELECT t."collectedAt", t.nationality, t."screeningBatchId" FROM "Traveller" t WHERE t.id = x.id OFFSET 0) t
    WHERE (SELECT count(*) FROM "Hit" o WHERE o."travellerId" = x.id) = x.new_hits
    GROUP BY 1, 2, 3
  ) c
  LEFT JOIN LATERAL (SELECT s.kind FROM "ScreeningBatch" s WHERE s.id = c.batch_id OFFSET 0) b ON true
  GROUP BY 1, 2, 3;
  RETURN NULL;
END;
$$;
