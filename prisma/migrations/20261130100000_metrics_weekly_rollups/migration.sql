-- The metrics read a year from the daily rollups: 21,000 to 44,000 rows per table, summed on
-- every request (issue 11: a year's metrics ≤ 200 ms at 4 clients). These tables hold the
-- same sums by week (Monday, as date_trunc('week')), 52 rows a year per key; the readers take
-- whole weeks from them and only the days at the period's edges (or at a month's, by month)
-- from the daily tables (server/metrics/weekly-source.ts).
--
-- Invariant: a week row is the sum of its days' *merged* daily rows. Only the compaction writes
-- merged daily rows, and it now adds to the week the very rows it folds, in the same statement
-- (one snapshot: a difference appended meanwhile is neither folded nor added). Readers add the
-- not yet merged daily rows of the weeks they take whole.

CREATE TABLE "HitWeeklyRollup" (
    "id" BIGSERIAL NOT NULL,
    "week" DATE NOT NULL,
    "sourceId" UUID NOT NULL,
    "offenceCategory" TEXT NOT NULL,
    "hits" INTEGER NOT NULL,
    "cleared" INTEGER NOT NULL,
    "confirmed" INTEGER NOT NULL,
    "escalationPending" INTEGER NOT NULL,
    "escalated" INTEGER NOT NULL,

    CONSTRAINT "HitWeeklyRollup_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "HitWeeklyRollup_week_sourceId_offenceCategory_key" ON "HitWeeklyRollup"("week", "sourceId", "offenceCategory");

CREATE TABLE "TravellerWeeklyRollup" (
    "id" BIGSERIAL NOT NULL,
    "week" DATE NOT NULL,
    "nationality" TEXT NOT NULL,
    "screened" BOOLEAN NOT NULL,
    "travellers" INTEGER NOT NULL,
    "withHit" INTEGER NOT NULL,
    "decidedHits" INTEGER NOT NULL,
    "clearedHits" INTEGER NOT NULL,

    CONSTRAINT "TravellerWeeklyRollup_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "TravellerWeeklyRollup_week_nationality_screened_key" ON "TravellerWeeklyRollup"("week", "nationality", "screened");

CREATE TABLE "HitReviewTimeWeeklyRollup" (
    "id" BIGSERIAL NOT NULL,
    "week" DATE NOT NULL,
    "bucket" INTEGER NOT NULL,
    "decided" INTEGER NOT NULL,
    "pastDeadline" INTEGER NOT NULL,
    "totalMs" BIGINT NOT NULL,

    CONSTRAINT "HitReviewTimeWeeklyRollup_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "HitReviewTimeWeeklyRollup_week_bucket_key" ON "HitReviewTimeWeeklyRollup"("week", "bucket");

-- What is merged now, by week.
INSERT INTO "HitWeeklyRollup" (week, "sourceId", "offenceCategory", hits, cleared, confirmed, "escalationPending", escalated)
SELECT date_trunc('week', day::timestamp)::date, "sourceId", "offenceCategory", sum(hits), sum(cleared), sum(confirmed), sum("escalationPending"), sum(escalated)
FROM "HitDailyRollup" WHERE merged GROUP BY 1, 2, 3;
INSERT INTO "TravellerWeeklyRollup" (week, nationality, screened, travellers, "withHit", "decidedHits", "clearedHits")
SELECT date_trunc('week', day::timestamp)::date, nationality, screened, sum(travellers), sum("withHit"), sum("decidedHits"), sum("clearedHits")
FROM "TravellerDailyRollup" WHERE merged GROUP BY 1, 2, 3;
INSERT INTO "HitReviewTimeWeeklyRollup" (week, bucket, decided, "pastDeadline", "totalMs")
SELECT date_trunc('week', day::timestamp)::date, bucket, sum(decided), sum("pastDeadline"), sum("totalMs")
FROM "HitReviewTimeRollup" WHERE merged GROUP BY 1, 2;

-- The compaction of migration 20261127110100, each of the three folds also adding its rows to the week.
CREATE OR REPLACE FUNCTION metrics_rollups_compact() RETURNS boolean
LANGUAGE plpgsql AS $$
BEGIN
  IF NOT pg_try_advisory_xact_lock(hashtext('proportio:metrics-rollups-compact')) THEN
    RETURN false;
  END IF;
  WITH days AS (SELECT DISTINCT day FROM "HitDailyRollup" WHERE NOT merged),
  gone AS (DELETE FROM "HitDailyRollup" r USING days WHERE r.day = days.day RETURNING r.*)
  , weekly AS (
    INSERT INTO "HitWeeklyRollup" AS w (week, "sourceId", "offenceCategory", hits, cleared, confirmed, "escalationPending", escalated)
    SELECT date_trunc('week', day::timestamp)::date, "sourceId", "offenceCategory", sum(hits), sum(cleared), sum(confirmed), sum("escalationPending"), sum(escalated)
    FROM gone WHERE NOT merged GROUP BY 1, "sourceId", "offenceCategory"
    ON CONFLICT (week, "sourceId", "offenceCategory") DO UPDATE SET hits = w.hits + excluded.hits, cleared = w.cleared + excluded.cleared, confirmed = w.confirmed + excluded.confirmed, "escalationPending" = w."escalationPending" + excluded."escalationPending", escalated = w.escalated + excluded.escalated)
  INSERT INTO "HitDailyRollup" (day, "sourceId", "offenceCategory", hits, cleared, confirmed, "escalationPending", escalated, merged)
  SELECT day, "sourceId", "offenceCategory", sum(hits), sum(cleared), sum(confirmed), sum("escalationPending"), sum(escalated), true
  FROM gone GROUP BY day, "sourceId", "offenceCategory"
  HAVING sum(hits) <> 0 OR sum(cleared) <> 0 OR sum(confirmed) <> 0 OR sum("escalationPending") <> 0 OR sum(escalated) <> 0;

  WITH days AS (SELECT DISTINCT day FROM "TravellerDailyRollup" WHERE NOT merged),
  gone AS (DELETE FROM "TravellerDailyRollup" r USING days WHERE r.day = days.day RETURNING r.*)
  , weekly AS (
    INSERT INTO "TravellerWeeklyRollup" AS w (week, nationality, screened, travellers, "withHit", "decidedHits", "clearedHits")
    SELECT date_trunc('week', day::timestamp)::date, nationality, screened, sum(travellers), sum("withHit"), sum("decidedHits"), sum("clearedHits")
    FROM gone WHERE NOT merged GROUP BY 1, nationality, screened
    ON CONFLICT (week, nationality, screened) DO UPDATE SET travellers = w.travellers + excluded.travellers, "withHit" = w."withHit" + excluded."withHit", "decidedHits" = w."decidedHits" + excluded."decidedHits", "clearedHits" = w."clearedHits" + excluded."clearedHits")
  INSERT INTO "TravellerDailyRollup" (day, nationality, screened, travellers, "withHit", "decidedHits", "clearedHits", merged)
  SELECT day, nationality, screened, sum(travellers), sum("withHit"), sum("decidedHits"), sum("clearedHits"), true
  FROM gone GROUP BY day, nationality, screened
  HAVING sum(travellers) <> 0 OR sum("withHit") <> 0 OR sum("decidedHits") <> 0 OR sum("clearedHits") <> 0;

  WITH days AS (SELECT DISTINCT day FROM "HitReviewTimeRollup" WHERE NOT merged),
  gone AS (DELETE FROM "HitReviewTimeRollup" r USING days WHERE r.day = days.day RETURNING r.*)
  , weekly AS (
    INSERT INTO "HitReviewTimeWeeklyRollup" AS w (week, bucket, decided, "pastDeadline", "totalMs")
    SELECT date_trunc('week', day::timestamp)::date, bucket, sum(decided), sum("pastDeadline"), sum("totalMs")
    FROM gone WHERE NOT merged GROUP BY 1, bucket
    ON CONFLICT (week, bucket) DO UPDATE SET decided = w.decided + excluded.decided, "pastDeadline" = w."pastDeadline" + excluded."pastDeadline", "totalMs" = w."totalMs" + excluded."totalMs")
  INSERT INTO "HitReviewTimeRollup" (day, bucket, decided, "pastDeadline", "totalMs", merged)
  SELECT day, bucket, sum(decided), sum("pastDeadline"), sum("totalMs"), true
  FROM gone GROUP BY day, bucket
  HAVING sum(decided) <> 0 OR sum("pastDeadline") <> 0 OR sum("totalMs") <> 0;

  WITH days AS (SELECT DISTINCT day FROM "HitRevealRollup" WHERE NOT merged),
  gone AS (DELETE FROM "HitRevealRollup" r USING days WHERE r.day = days.day RETURNING r.*)
  INSERT INTO "HitRevealRollup" (day, "revealDay", reveals, followed, merged)
  SELECT day, "revealDay", sum(reveals), sum(followed), true
  FROM gone GROUP BY day, "revealDay"
  HAVING sum(reveals) <> 0 OR sum(followed) <> 0;

  WITH days AS (SELECT DISTINCT day FROM "ScreenedDailyRollup" WHERE NOT merged),
  gone AS (DELETE FROM "ScreenedDailyRollup" r USING days WHERE r.day = days.day RETURNING r.*)
  INSERT INTO "ScreenedDailyRollup" (day, "sourceId", travellers, merged)
  SELECT day, "sourceId", sum(travellers), true
  FROM gone GROUP BY day, "sourceId"
  HAVING sum(travellers) <> 0;

  WITH days AS (SELECT DISTINCT day FROM "HitEscalationRollup" WHERE NOT merged),
  gone AS (DELETE FROM "HitEscalationRollup" r USING days WHERE r.day = days.day RETURNING r.*)
  INSERT INTO "HitEscalationRollup" (day, requested, approved, disclosed, merged)
  SELECT day, sum(requested), sum(approved), sum(disclosed), true
  FROM gone GROUP BY day
  HAVING sum(requested) <> 0 OR sum(approved) <> 0 OR sum(disclosed) <> 0;
  RETURN true;
END;
$$;
