-- CreateTable
CREATE TABLE "HitDailyRollup" (
    "id" BIGSERIAL NOT NULL,
    "day" DATE NOT NULL,
    "sourceId" UUID NOT NULL,
    "offenceCategory" TEXT NOT NULL,
    "hits" INTEGER NOT NULL,
    "cleared" INTEGER NOT NULL,
    "confirmed" INTEGER NOT NULL,
    "escalationPending" INTEGER NOT NULL,
    "escalated" INTEGER NOT NULL,
    "merged" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "HitDailyRollup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TravellerDailyRollup" (
    "id" BIGSERIAL NOT NULL,
    "day" DATE NOT NULL,
    "nationality" TEXT NOT NULL,
    "screened" BOOLEAN NOT NULL,
    "travellers" INTEGER NOT NULL,
    "withHit" INTEGER NOT NULL,
    "decidedHits" INTEGER NOT NULL,
    "clearedHits" INTEGER NOT NULL,
    "merged" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "TravellerDailyRollup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HitReviewTimeRollup" (
    "id" BIGSERIAL NOT NULL,
    "day" DATE NOT NULL,
    "bucket" INTEGER NOT NULL,
    "decided" INTEGER NOT NULL,
    "pastDeadline" INTEGER NOT NULL,
    "totalMs" BIGINT NOT NULL,
    "merged" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "HitReviewTimeRollup_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "HitDailyRollup_day_idx" ON "HitDailyRollup"("day");

-- CreateIndex
CREATE INDEX "HitDailyRollup_merged_day_idx" ON "HitDailyRollup"("merged", "day");

-- CreateIndex
CREATE INDEX "TravellerDailyRollup_day_idx" ON "TravellerDailyRollup"("day");

-- CreateIndex
CREATE INDEX "TravellerDailyRollup_merged_day_idx" ON "TravellerDailyRollup"("merged", "day");

-- CreateIndex
CREATE INDEX "HitReviewTimeRollup_day_idx" ON "HitReviewTimeRollup"("day");

-- CreateIndex
CREATE INDEX "HitReviewTimeRollup_merged_day_idx" ON "HitReviewTimeRollup"("merged", "day");

-- Maintenance of the rollups (hand-written; Prisma's differ ignores functions and triggers).
--
-- Why triggers appending differences, not the app or a refresh job:
--  * Every write path is covered, in the same transaction as the write: ingestion, decisions,
--    escalations, the seed, tests that write rows directly, paths not written yet. An app-level
--    hook would have to be remembered in each of them; a refresh job recomputing the days
--    touched would need to notice every change (Traveller has no updatedAt) and, recomputing
--    from raw rows, would lose what retention has erased from a day.
--  * Appending a row of differences takes no lock another writer waits for: two screening
--    batches of the same day, or two analysts deciding hits of the same day, never queue
--    behind each other's counters until commit (an UPDATE of one shared counter row would
--    hold it for the rest of each transaction).
--  * Erasure (DELETE of travellers, hits, escalations) has no trigger: it subtracts nothing,
--    so the figures of past periods stay what they were.
-- A figure sums the rows of its days; metrics_rollups_compact() folds appended rows into one
-- per key (server/metrics/rollup-schedule.ts runs it), which keeps the tables at about one
-- row per key and day. It never changes a sum.
--
-- A hit counts for the day it was created (UTC), a traveller for the day collected (UTC), as
-- the metrics group them (server/metrics/period.ts). Nationality '' stands for none.

-- The review-time band of a duration in milliseconds: 5 minutes up to a day (0..287), an hour
-- up to a week (288..431), a day beyond (432..797, the last open-ended); -1 below 0.
-- server/metrics/review-time-buckets.ts holds the same bounds.
CREATE FUNCTION metrics_review_bucket(ms bigint) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN ms < 0 THEN -1
    WHEN ms < 86400000 THEN (ms / 300000)::integer
    WHEN ms < 604800000 THEN 288 + ((ms - 86400000) / 3600000)::integer
    ELSE least(432 + ((ms - 604800000) / 86400000)::integer, 797)
  END
$$;

-- Appends the contributions of hit rows (each counted with its sign, ±1) to the hit and
-- review-time rollups and to the decided and cleared hits of their travellers' cells.
-- first_requests[i] is hits[i]'s first escalation request (null: none); a hit's review time
-- runs from its creation to its first decision: a clearance or confirmation (decidedAt) or
-- that request, whichever came first (server/metrics/review-time.ts).
CREATE FUNCTION metrics_rollup_hits(hits "Hit"[], first_requests timestamptz[], signs integer[]) RETURNS void
LANGUAGE sql AS $$
  WITH h AS (
    SELECT x."travellerId" AS traveller_id, x."sourceId" AS source_id, x."offenceCategory" AS category,
      x.status::text AS status, x.status IN ('CLEARED', 'CONFIRMED', 'ESCALATION_PENDING', 'ESCALATED') AS decided,
      x."createdAt" AS created_at, x."dueAt" AS due_at, least(x."decidedAt", y.first_request) AS first_decision,
      (x."createdAt" AT TIME ZONE 'UTC')::date AS day, y.sign
    -- Paired by position (unnest is linear; subscripting an array of rows is not).
    FROM unnest(hits) WITH ORDINALITY AS x
    JOIN unnest(first_requests, signs) WITH ORDINALITY AS y(first_request, sign, i) ON y.i = x.ordinality
  ),
  daily AS (
    INSERT INTO "HitDailyRollup" (day, "sourceId", "offenceCategory", hits, cleared, confirmed, "escalationPending", escalated)
    SELECT day, source_id, category, sum(sign),
      sum(CASE WHEN status = 'CLEARED' THEN sign ELSE 0 END), sum(CASE WHEN status = 'CONFIRMED' THEN sign ELSE 0 END),
      sum(CASE WHEN status = 'ESCALATION_PENDING' THEN sign ELSE 0 END), sum(CASE WHEN status = 'ESCALATED' THEN sign ELSE 0 END)
    FROM h
    GROUP BY day, source_id, category
    HAVING sum(sign) <> 0 OR bool_or(decided)
  ),
  review AS (
    INSERT INTO "HitReviewTimeRollup" (day, bucket, decided, "pastDeadline", "totalMs")
    SELECT day, metrics_review_bucket(ms), sum(sign), sum(CASE WHEN late THEN sign ELSE 0 END), sum(sign * ms)
    FROM (
      SELECT day, sign, round(extract(epoch FROM first_decision - created_at) * 1000)::bigint AS ms, first_decision > due_at AS late
      FROM h WHERE decided AND first_decision IS NOT NULL
    ) r
    GROUP BY day, metrics_review_bucket(ms)
    HAVING sum(sign) <> 0 OR sum(sign * ms) <> 0 OR sum(CASE WHEN late THEN sign ELSE 0 END) <> 0
  )
  INSERT INTO "TravellerDailyRollup" (day, nationality, screened, travellers, "withHit", "decidedHits", "clearedHits")
  SELECT (t."collectedAt" AT TIME ZONE 'UTC')::date, coalesce(t.nationality::text, ''), b.kind IS DISTINCT FROM 'EXTERNAL', 0, 0,
    sum(CASE WHEN h.decided THEN h.sign ELSE 0 END), sum(CASE WHEN h.status = 'CLEARED' THEN h.sign ELSE 0 END)
  FROM h
  JOIN "Traveller" t ON t.id = h.traveller_id
  LEFT JOIN "ScreeningBatch" b ON b.id = t."screeningBatchId"
  WHERE h.decided
  GROUP BY 1, 2, 3
  HAVING sum(CASE WHEN h.decided THEN h.sign ELSE 0 END) <> 0 OR sum(CASE WHEN h.status = 'CLEARED' THEN h.sign ELSE 0 END) <> 0
$$;

-- Appends the contributions of traveller rows (sign ±1): counted in their day, nationality
-- and screened cell, with their hits as they stand (count_hits false: they have none yet).
CREATE FUNCTION metrics_rollup_travellers(travellers "Traveller"[], signs integer[], count_hits boolean) RETURNS void
LANGUAGE sql AS $$
  INSERT INTO "TravellerDailyRollup" (day, nationality, screened, travellers, "withHit", "decidedHits", "clearedHits")
  SELECT day, nationality, screened, sum(sign), sum(sign * with_hit), sum(sign * decided), sum(sign * cleared)
  FROM (
    SELECT (x."collectedAt" AT TIME ZONE 'UTC')::date AS day, coalesce(x.nationality::text, '') AS nationality,
      b.kind IS DISTINCT FROM 'EXTERNAL' AS screened, y.sign,
      coalesce((hs.hits > 0)::integer, 0) AS with_hit, coalesce(hs.decided, 0) AS decided, coalesce(hs.cleared, 0) AS cleared
    FROM unnest(travellers) WITH ORDINALITY AS x
    JOIN unnest(signs) WITH ORDINALITY AS y(sign, i) ON y.i = x.ordinality
    LEFT JOIN "ScreeningBatch" b ON b.id = x."screeningBatchId"
    LEFT JOIN LATERAL (
      SELECT count(*)::integer AS hits,
        (count(*) FILTER (WHERE h.status IN ('CLEARED', 'CONFIRMED', 'ESCALATION_PENDING', 'ESCALATED')))::integer AS decided,
        (count(*) FILTER (WHERE h.status = 'CLEARED'))::integer AS cleared
      FROM "Hit" h WHERE count_hits AND h."travellerId" = x.id
    ) hs ON true
  ) r
  GROUP BY day, nationality, screened
  HAVING sum(sign) <> 0 OR sum(sign * with_hit) <> 0 OR sum(sign * decided) <> 0 OR sum(sign * cleared) <> 0
$$;

-- For bulk loads that write with triggers off (scripts/bench/scale-data.mts): counts stored
-- travellers without their hits; then metrics_rollup_add_hits() counts the hits.
CREATE FUNCTION metrics_rollup_add_travellers(ids uuid[]) RETURNS void
LANGUAGE sql AS $$
  SELECT metrics_rollup_travellers(array_agg(t), array_agg(1), false) FROM "Traveller" t WHERE t.id = ANY (ids)
$$;

-- Counts stored hits (the insert trigger; bulk loads as above), and their travellers' first
-- hits: a traveller whose every hit is among them has one now.
CREATE FUNCTION metrics_rollup_add_hits(ids uuid[]) RETURNS void
LANGUAGE sql AS $$
  SELECT metrics_rollup_hits(array_agg(h), array_agg((SELECT min(e."createdAt") FROM "Escalation" e WHERE e."hitId" = h.id)), array_agg(1))
  FROM "Hit" h WHERE h.id = ANY (ids);
  INSERT INTO "TravellerDailyRollup" (day, nationality, screened, travellers, "withHit", "decidedHits", "clearedHits")
  SELECT (t."collectedAt" AT TIME ZONE 'UTC')::date, coalesce(t.nationality::text, ''), b.kind IS DISTINCT FROM 'EXTERNAL', 0, count(*), 0, 0
  FROM "Traveller" t
  LEFT JOIN "ScreeningBatch" b ON b.id = t."screeningBatchId"
  WHERE t.id IN (SELECT h."travellerId" FROM "Hit" h WHERE h.id = ANY (ids))
    AND NOT EXISTS (SELECT 1 FROM "Hit" o WHERE o."travellerId" = t.id AND NOT (o.id = ANY (ids)))
  GROUP BY 1, 2, 3;
$$;

CREATE FUNCTION metrics_rollup_travellers_inserted() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM metrics_rollup_add_travellers(array_agg(n.id)) FROM new_rows n;
  RETURN NULL;
END;
$$;

CREATE FUNCTION metrics_rollup_traveller_updated() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM metrics_rollup_travellers(ARRAY[OLD, NEW]::"Traveller"[], ARRAY[-1, 1], true);
  RETURN NULL;
END;
$$;

CREATE FUNCTION metrics_rollup_hits_inserted() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM metrics_rollup_add_hits(array_agg(n.id)) FROM new_rows n;
  RETURN NULL;
END;
$$;

CREATE FUNCTION metrics_rollup_hit_updated() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  first_request timestamptz;
BEGIN
  -- Claims, releases and assignments (NEW <-> IN_REVIEW) change no figure.
  IF OLD.status IN ('NEW', 'IN_REVIEW') AND NEW.status IN ('NEW', 'IN_REVIEW')
     AND OLD."createdAt" = NEW."createdAt" AND OLD."sourceId" = NEW."sourceId"
     AND OLD."offenceCategory" = NEW."offenceCategory" AND OLD."travellerId" = NEW."travellerId" THEN
    RETURN NULL;
  END IF;
  SELECT min(e."createdAt") INTO first_request FROM "Escalation" e WHERE e."hitId" = NEW.id;
  PERFORM metrics_rollup_hits(ARRAY[OLD, NEW]::"Hit"[], ARRAY[first_request, first_request], ARRAY[-1, 1]);
  IF OLD."travellerId" <> NEW."travellerId" THEN
    -- The old traveller may have lost its only hit, the new one gained its first.
    INSERT INTO "TravellerDailyRollup" (day, nationality, screened, travellers, "withHit", "decidedHits", "clearedHits")
    SELECT (t."collectedAt" AT TIME ZONE 'UTC')::date, coalesce(t.nationality::text, ''), b.kind IS DISTINCT FROM 'EXTERNAL', 0,
      CASE WHEN t.id = OLD."travellerId" THEN -1 ELSE 1 END, 0, 0
    FROM "Traveller" t LEFT JOIN "ScreeningBatch" b ON b.id = t."screeningBatchId"
    WHERE (t.id = OLD."travellerId" AND NOT EXISTS (SELECT 1 FROM "Hit" h WHERE h."travellerId" = t.id))
       OR (t.id = NEW."travellerId" AND (SELECT count(*) FROM "Hit" h WHERE h."travellerId" = t.id) = 1);
  END IF;
  RETURN NULL;
END;
$$;

-- An escalation request can move a hit's first decision earlier (review time). Inserted or
-- moved escalations (createdAt, hitId) replace the review-time contribution of their hits,
-- from the first request before the statement to the first request after it.
CREATE FUNCTION metrics_rollup_escalations_inserted() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM metrics_rollup_hits(array_agg(c.hit) || array_agg(c.hit), array_agg(c.before) || array_agg(c.after), array_agg(-1) || array_agg(1))
  FROM (
    SELECT h AS hit,
      (SELECT min(e."createdAt") FROM "Escalation" e WHERE e."hitId" = h.id AND e.id NOT IN (SELECT n.id FROM new_rows n)) AS before,
      (SELECT min(e."createdAt") FROM "Escalation" e WHERE e."hitId" = h.id) AS after
    FROM "Hit" h
    WHERE h.id IN (SELECT n."hitId" FROM new_rows n)
  ) c
  WHERE c.before IS DISTINCT FROM c.after;
  RETURN NULL;
END;
$$;

CREATE FUNCTION metrics_rollup_escalations_updated() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  -- Decisions, withdrawals and reviews change neither; most updates stop here.
  IF NOT EXISTS (
    SELECT 1 FROM old_rows o JOIN new_rows n ON n.id = o.id
    WHERE n."createdAt" IS DISTINCT FROM o."createdAt" OR n."hitId" IS DISTINCT FROM o."hitId") THEN
    RETURN NULL;
  END IF;
  PERFORM metrics_rollup_hits(array_agg(c.hit) || array_agg(c.hit), array_agg(c.before) || array_agg(c.after), array_agg(-1) || array_agg(1))
  FROM (
    SELECT h AS hit,
      (SELECT min(x.at) FROM (
         SELECT e."createdAt" AS at FROM "Escalation" e WHERE e."hitId" = h.id AND e.id NOT IN (SELECT n.id FROM new_rows n)
         UNION ALL
         SELECT o."createdAt" FROM old_rows o WHERE o."hitId" = h.id) x) AS before,
      (SELECT min(e."createdAt") FROM "Escalation" e WHERE e."hitId" = h.id) AS after
    FROM "Hit" h
    WHERE h.id IN (SELECT n."hitId" FROM new_rows n UNION SELECT o."hitId" FROM old_rows o)
  ) c
  WHERE c.before IS DISTINCT FROM c.after;
  RETURN NULL;
END;
$$;

-- Statement triggers with transition tables for inserts (ingestion writes up to 5,000 hits in
-- one statement: one aggregated append, not one per row); row triggers for the updates that
-- can change a figure (the WHEN clause keeps every other update, e.g. masking, free).
CREATE TRIGGER "Traveller_metrics_rollup_insert" AFTER INSERT ON "Traveller"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION metrics_rollup_travellers_inserted();
CREATE TRIGGER "Traveller_metrics_rollup_update" AFTER UPDATE ON "Traveller"
  FOR EACH ROW WHEN (OLD."collectedAt" IS DISTINCT FROM NEW."collectedAt" OR OLD.nationality IS DISTINCT FROM NEW.nationality
                     OR OLD."screeningBatchId" IS DISTINCT FROM NEW."screeningBatchId")
  EXECUTE FUNCTION metrics_rollup_traveller_updated();
CREATE TRIGGER "Hit_metrics_rollup_insert" AFTER INSERT ON "Hit"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION metrics_rollup_hits_inserted();
CREATE TRIGGER "Hit_metrics_rollup_update" AFTER UPDATE ON "Hit"
  FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD."createdAt" IS DISTINCT FROM NEW."createdAt"
                     OR OLD."decidedAt" IS DISTINCT FROM NEW."decidedAt" OR OLD."dueAt" IS DISTINCT FROM NEW."dueAt"
                     OR OLD."sourceId" IS DISTINCT FROM NEW."sourceId" OR OLD."offenceCategory" IS DISTINCT FROM NEW."offenceCategory"
                     OR OLD."travellerId" IS DISTINCT FROM NEW."travellerId")
  EXECUTE FUNCTION metrics_rollup_hit_updated();
CREATE TRIGGER "Escalation_metrics_rollup_insert" AFTER INSERT ON "Escalation"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION metrics_rollup_escalations_inserted();
CREATE TRIGGER "Escalation_metrics_rollup_update" AFTER UPDATE ON "Escalation"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION metrics_rollup_escalations_updated();

-- Folds each day's appended rows into one row per key (merged), one day set at a time; the
-- sums stay the same. Rows appended by transactions still open are not seen and stay for the
-- next run. One caller at a time (a transaction-scoped advisory lock; false when busy).
CREATE FUNCTION metrics_rollups_compact() RETURNS boolean
LANGUAGE plpgsql AS $$
BEGIN
  IF NOT pg_try_advisory_xact_lock(hashtext('proportio:metrics-rollups-compact')) THEN
    RETURN false;
  END IF;
  WITH days AS (SELECT DISTINCT day FROM "HitDailyRollup" WHERE NOT merged),
  gone AS (DELETE FROM "HitDailyRollup" r USING days WHERE r.day = days.day RETURNING r.*)
  INSERT INTO "HitDailyRollup" (day, "sourceId", "offenceCategory", hits, cleared, confirmed, "escalationPending", escalated, merged)
  SELECT day, "sourceId", "offenceCategory", sum(hits), sum(cleared), sum(confirmed), sum("escalationPending"), sum(escalated), true
  FROM gone GROUP BY day, "sourceId", "offenceCategory"
  HAVING sum(hits) <> 0 OR sum(cleared) <> 0 OR sum(confirmed) <> 0 OR sum("escalationPending") <> 0 OR sum(escalated) <> 0;

  WITH days AS (SELECT DISTINCT day FROM "TravellerDailyRollup" WHERE NOT merged),
  gone AS (DELETE FROM "TravellerDailyRollup" r USING days WHERE r.day = days.day RETURNING r.*)
  INSERT INTO "TravellerDailyRollup" (day, nationality, screened, travellers, "withHit", "decidedHits", "clearedHits", merged)
  SELECT day, nationality, screened, sum(travellers), sum("withHit"), sum("decidedHits"), sum("clearedHits"), true
  FROM gone GROUP BY day, nationality, screened
  HAVING sum(travellers) <> 0 OR sum("withHit") <> 0 OR sum("decidedHits") <> 0 OR sum("clearedHits") <> 0;

  WITH days AS (SELECT DISTINCT day FROM "HitReviewTimeRollup" WHERE NOT merged),
  gone AS (DELETE FROM "HitReviewTimeRollup" r USING days WHERE r.day = days.day RETURNING r.*)
  INSERT INTO "HitReviewTimeRollup" (day, bucket, decided, "pastDeadline", "totalMs", merged)
  SELECT day, bucket, sum(decided), sum("pastDeadline"), sum("totalMs"), true
  FROM gone GROUP BY day, bucket
  HAVING sum(decided) <> 0 OR sum("pastDeadline") <> 0 OR sum("totalMs") <> 0;
  RETURN true;
END;
$$;

-- Backfill from the rows already stored, in slices that keep memory small.
DO $$
DECLARE
  slice uuid[];
BEGIN
  FOR slice IN SELECT array_agg(id) FROM (SELECT id, (row_number() OVER (ORDER BY id) - 1) / 20000 AS n FROM "Traveller") s GROUP BY n LOOP
    PERFORM metrics_rollup_travellers(array_agg(t), array_agg(1), false) FROM "Traveller" t WHERE t.id = ANY (slice);
  END LOOP;
  FOR slice IN SELECT array_agg(id) FROM (SELECT id, (row_number() OVER (ORDER BY id) - 1) / 20000 AS n FROM "Hit") s GROUP BY n LOOP
    PERFORM metrics_rollup_hits(array_agg(h), array_agg((SELECT min(e."createdAt") FROM "Escalation" e WHERE e."hitId" = h.id)), array_agg(1))
    FROM "Hit" h WHERE h.id = ANY (slice);
  END LOOP;
  INSERT INTO "TravellerDailyRollup" (day, nationality, screened, travellers, "withHit", "decidedHits", "clearedHits")
  SELECT (t."collectedAt" AT TIME ZONE 'UTC')::date, coalesce(t.nationality::text, ''), b.kind IS DISTINCT FROM 'EXTERNAL', 0, count(*), 0, 0
  FROM "Traveller" t LEFT JOIN "ScreeningBatch" b ON b.id = t."screeningBatchId"
  WHERE EXISTS (SELECT 1 FROM "Hit" h WHERE h."travellerId" = t.id)
  GROUP BY 1, 2, 3;
  PERFORM metrics_rollups_compact();
END;
$$;
