-- Two more rollups for the metrics (issue 11): a year's intrusion figure read 160,585 reveals
-- from the raw access log (joined to their hits, anti-joined to the hits' history: 8 s), and
-- the screened travellers summed 438,000 screening batches. Maintained as the others
-- (migration 20261126180000_metrics_rollups): triggers appending rows of differences in the
-- same transaction as the write, folded by metrics_rollups_compact(); erasure subtracts
-- nothing, so a past period's figures stay. Hand-written: Prisma's differ ignores functions
-- and triggers. See server/metrics/rollups.md.

-- CreateTable
CREATE TABLE "HitRevealRollup" (
    "id" BIGSERIAL NOT NULL,
    "day" DATE NOT NULL,
    "revealDay" DATE NOT NULL,
    "reveals" INTEGER NOT NULL,
    "followed" INTEGER NOT NULL,
    "merged" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "HitRevealRollup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScreenedDailyRollup" (
    "id" BIGSERIAL NOT NULL,
    "day" DATE NOT NULL,
    "sourceId" UUID,
    "travellers" BIGINT NOT NULL,
    "merged" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "ScreenedDailyRollup_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "HitRevealRollup_day_idx" ON "HitRevealRollup"("day");

-- CreateIndex
CREATE INDEX "HitRevealRollup_merged_day_idx" ON "HitRevealRollup"("merged", "day");

-- CreateIndex
CREATE INDEX "ScreenedDailyRollup_day_idx" ON "ScreenedDailyRollup"("day");

-- CreateIndex
CREATE INDEX "ScreenedDailyRollup_merged_day_idx" ON "ScreenedDailyRollup"("merged", "day");

-- ---------------------------------------------------------------------------------------
-- Reveals (server/metrics/intrusion.ts). A reveal is the access event
-- server/hits/reveal-field.ts records: CONSULTATION of a hit with details.view 'reveal'. The
-- rollup counts them by the hit's creation day and the reveal's day (UTC; a period starts at
-- midnight, so "revealed since the period started" is a day condition), and how many of them
-- are followed by the same user's decision on the hit (a CLEARED, CONFIRMED or
-- ESCALATION_REQUESTED history event) within 24 hours — the anomaly rule of the access log.
-- Whether a reveal is judged yet depends on the reading's "now": the metrics take the last
-- 24 hours' reveals from the raw log (a few hundred) and subtract them.
--
-- "Followed" changes in two ways, each counted once:
--  * a reveal reaches the log (the chainer moves it from "AccessEventPending"; direct inserts
--    too): counted followed when the decision is already there;
--  * a decision is recorded: every reveal it follows that no other decision followed yet.
-- The two meet when a decision and the chaining of a reveal of the same hit run at once.
-- Each locks the hit row first — the reveal FOR SHARE, the decision FOR NO KEY UPDATE (which
-- the decision's own UPDATE of the hit takes anyway) — so the second waits for the first to
-- commit and then, in READ COMMITTED, sees its row: the pair is counted exactly once.

-- The hit a reveal's resourceId names (null when it is not a UUID).
CREATE FUNCTION metrics_reveal_hit(resource_id text) RETURNS uuid
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN resource_id ~* '^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$' THEN resource_id::uuid END
$$;

-- Whether the actor's decision on the hit followed a reveal at `at` within 24 hours.
CREATE FUNCTION metrics_reveal_followed(hit_id uuid, actor_id uuid, revealed_at timestamptz) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT EXISTS (
    SELECT 1 FROM "HitEvent" he
    WHERE he."hitId" = hit_id AND he."actorId" = actor_id
      AND he.type IN ('CLEARED', 'CONFIRMED', 'ESCALATION_REQUESTED')
      AND he.at BETWEEN revealed_at AND revealed_at + interval '24 hours')
$$;

-- Counts the reveals among the stored access events seq first_seq..last_seq (the backfill
-- below, and bulk loads that write with triggers off: scripts/bench/lib/access-log-data.mts).
CREATE FUNCTION metrics_rollup_add_reveals(first_seq bigint, last_seq bigint) RETURNS void
LANGUAGE sql AS $$
  INSERT INTO "HitRevealRollup" (day, "revealDay", reveals, followed)
  SELECT (h."createdAt" AT TIME ZONE 'UTC')::date, (e.at AT TIME ZONE 'UTC')::date, count(*),
    count(*) FILTER (WHERE metrics_reveal_followed(h.id, e."actorId", e.at))
  FROM "AccessEvent" e
  JOIN "Hit" h ON h.id = metrics_reveal_hit(e."resourceId")
  WHERE e.seq BETWEEN first_seq AND last_seq
    AND e."resourceType" = 'hit' AND e.operation = 'CONSULTATION' AND (e.details ->> 'view') = 'reveal'
  GROUP BY 1, 2
$$;

-- A reveal reaches the log (row trigger: the WHEN clause keeps every other event free).
CREATE FUNCTION metrics_rollup_reveal_inserted() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  hit_id uuid := metrics_reveal_hit(NEW."resourceId");
BEGIN
  IF hit_id IS NULL THEN
    RETURN NULL;
  END IF;
  PERFORM 1 FROM "Hit" WHERE id = hit_id FOR SHARE;
  -- A new statement: it sees a decision that committed while the lock was awaited.
  INSERT INTO "HitRevealRollup" (day, "revealDay", reveals, followed)
  SELECT (h."createdAt" AT TIME ZONE 'UTC')::date, (NEW.at AT TIME ZONE 'UTC')::date, 1,
    metrics_reveal_followed(h.id, NEW."actorId", NEW.at)::integer
  FROM "Hit" h WHERE h.id = hit_id;
  RETURN NULL;
END;
$$;

-- Decisions are recorded (statement trigger: a statement may record several): the reveals
-- they follow that no decision recorded before them followed.
CREATE FUNCTION metrics_rollup_decisions_inserted() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM new_rows n WHERE n.type IN ('CLEARED', 'CONFIRMED', 'ESCALATION_REQUESTED') AND n."actorId" IS NOT NULL) THEN
    RETURN NULL;
  END IF;
  PERFORM 1 FROM "Hit" h
  WHERE h.id IN (SELECT n."hitId" FROM new_rows n WHERE n.type IN ('CLEARED', 'CONFIRMED', 'ESCALATION_REQUESTED') AND n."actorId" IS NOT NULL)
  ORDER BY h.id FOR NO KEY UPDATE;
  INSERT INTO "HitRevealRollup" (day, "revealDay", reveals, followed)
  SELECT (h."createdAt" AT TIME ZONE 'UTC')::date, (r.at AT TIME ZONE 'UTC')::date, 0, count(*)
  FROM (
    SELECT DISTINCT e.seq, e.at, e."actorId", d."hitId"
    FROM new_rows d
    JOIN "AccessEvent" e
      ON e."resourceType" = 'hit' AND e.operation = 'CONSULTATION' AND (e.details ->> 'view') = 'reveal'
     AND e.at BETWEEN d.at - interval '24 hours' AND d.at
     AND metrics_reveal_hit(e."resourceId") = d."hitId" AND e."actorId" = d."actorId"
    WHERE d.type IN ('CLEARED', 'CONFIRMED', 'ESCALATION_REQUESTED') AND d."actorId" IS NOT NULL
  ) r
  JOIN "Hit" h ON h.id = r."hitId"
  WHERE NOT EXISTS (
    SELECT 1 FROM "HitEvent" o
    WHERE o."hitId" = r."hitId" AND o."actorId" = r."actorId" AND o.type IN ('CLEARED', 'CONFIRMED', 'ESCALATION_REQUESTED')
      AND o.at BETWEEN r.at AND r.at + interval '24 hours'
      AND o.id NOT IN (SELECT n.id FROM new_rows n))
  GROUP BY 1, 2;
  RETURN NULL;
END;
$$;

-- A hit's creation time moved (direct writes only; the app never does): its reveals move
-- with it. Reads every reveal (the partial reveal index), so only for this rare case.
CREATE FUNCTION metrics_rollup_hit_reveals_moved() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "HitRevealRollup" (day, "revealDay", reveals, followed)
  SELECT x.day, (e.at AT TIME ZONE 'UTC')::date, x.sign * count(*),
    x.sign * count(*) FILTER (WHERE metrics_reveal_followed(NEW.id, e."actorId", e.at))
  FROM "AccessEvent" e
  CROSS JOIN (VALUES ((OLD."createdAt" AT TIME ZONE 'UTC')::date, -1), ((NEW."createdAt" AT TIME ZONE 'UTC')::date, 1)) x(day, sign)
  WHERE e."resourceType" = 'hit' AND e.operation = 'CONSULTATION' AND (e.details ->> 'view') = 'reveal'
    AND metrics_reveal_hit(e."resourceId") = NEW.id
  GROUP BY x.day, x.sign, 2;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "AccessEvent_metrics_reveal_insert" AFTER INSERT ON "AccessEvent"
  FOR EACH ROW WHEN (NEW."resourceType" = 'hit' AND NEW.operation = 'CONSULTATION' AND (NEW.details ->> 'view') = 'reveal')
  EXECUTE FUNCTION metrics_rollup_reveal_inserted();
CREATE TRIGGER "HitEvent_metrics_reveal_insert" AFTER INSERT ON "HitEvent"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION metrics_rollup_decisions_inserted();
CREATE TRIGGER "Hit_metrics_reveal_moved" AFTER UPDATE ON "Hit"
  FOR EACH ROW WHEN ((OLD."createdAt" AT TIME ZONE 'UTC')::date IS DISTINCT FROM (NEW."createdAt" AT TIME ZONE 'UTC')::date)
  EXECUTE FUNCTION metrics_rollup_hit_reveals_moved();

-- ---------------------------------------------------------------------------------------
-- Travellers screened (server/metrics/screened.ts): the completed batches' travellersScreened
-- by day and list (null: a batch run against every list at once).
CREATE FUNCTION metrics_rollup_batches(batches "ScreeningBatch"[], signs integer[]) RETURNS void
LANGUAGE sql AS $$
  INSERT INTO "ScreenedDailyRollup" (day, "sourceId", travellers)
  SELECT x.day, x."sourceId", sum(y.sign * x."travellersScreened")
  FROM unnest(batches) WITH ORDINALITY AS x
  JOIN unnest(signs) WITH ORDINALITY AS y(sign, i) ON y.i = x.ordinality
  WHERE x.status = 'COMPLETED'
  GROUP BY x.day, x."sourceId"
  HAVING sum(y.sign * x."travellersScreened") <> 0
$$;

CREATE FUNCTION metrics_rollup_batches_inserted() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "ScreenedDailyRollup" (day, "sourceId", travellers)
  SELECT n.day, n."sourceId", sum(n."travellersScreened") FROM new_rows n WHERE n.status = 'COMPLETED'
  GROUP BY 1, 2 HAVING sum(n."travellersScreened") <> 0;
  RETURN NULL;
END;
$$;

CREATE FUNCTION metrics_rollup_batch_updated() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM metrics_rollup_batches(ARRAY[OLD, NEW]::"ScreeningBatch"[], ARRAY[-1, 1]);
  RETURN NULL;
END;
$$;

CREATE TRIGGER "ScreeningBatch_metrics_rollup_insert" AFTER INSERT ON "ScreeningBatch"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION metrics_rollup_batches_inserted();
-- Finishing a batch (RUNNING -> COMPLETED) is the usual one; hitsCreated and the like cost nothing.
CREATE TRIGGER "ScreeningBatch_metrics_rollup_update" AFTER UPDATE ON "ScreeningBatch"
  FOR EACH ROW WHEN ((OLD.status = 'COMPLETED' OR NEW.status = 'COMPLETED')
                     AND (OLD.status IS DISTINCT FROM NEW.status OR OLD.day IS DISTINCT FROM NEW.day
                          OR OLD."sourceId" IS DISTINCT FROM NEW."sourceId" OR OLD."travellersScreened" IS DISTINCT FROM NEW."travellersScreened"))
  EXECUTE FUNCTION metrics_rollup_batch_updated();

-- ---------------------------------------------------------------------------------------
-- Compaction folds the new tables too (same function, two more statements).
CREATE OR REPLACE FUNCTION metrics_rollups_compact() RETURNS boolean
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
  RETURN true;
END;
$$;

-- Backfill from the rows stored now.
INSERT INTO "ScreenedDailyRollup" (day, "sourceId", travellers, merged)
SELECT b.day, b."sourceId", sum(b."travellersScreened"), true
FROM "ScreeningBatch" b WHERE b.status = 'COMPLETED'
GROUP BY 1, 2 HAVING sum(b."travellersScreened") <> 0;

INSERT INTO "HitRevealRollup" (day, "revealDay", reveals, followed, merged)
SELECT (h."createdAt" AT TIME ZONE 'UTC')::date, (e.at AT TIME ZONE 'UTC')::date, count(*),
  count(*) FILTER (WHERE metrics_reveal_followed(h.id, e."actorId", e.at)), true
FROM "AccessEvent" e
JOIN "Hit" h ON h.id = metrics_reveal_hit(e."resourceId")
WHERE e."resourceType" = 'hit' AND e.operation = 'CONSULTATION' AND (e.details ->> 'view') = 'reveal'
GROUP BY 1, 2;
