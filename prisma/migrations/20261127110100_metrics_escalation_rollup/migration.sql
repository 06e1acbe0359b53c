-- The funnel's escalation stages (server/metrics/funnel.ts) from a rollup (issue 11): a year
-- by week looked up the hit of each of the year's escalations (10,000 primary-key lookups
-- into "Hit", joined to the packages) on every read. Per day of the hit's creation (UTC):
-- how many hits have an escalation request, an approved one, one with a disclosure package —
-- each hit counted once however many escalations it has. Maintained as the other rollups
-- (migration 20261126180000_metrics_rollups): statement triggers append the difference each
-- write makes to its hits' three flags; erasure subtracts nothing; metrics_rollups_compact()
-- folds the rows. As the raw query assumed, an escalation is requested after its hit was
-- created. Hand-written: Prisma's differ ignores functions and triggers.

-- CreateTable
CREATE TABLE "HitEscalationRollup" (
    "id" BIGSERIAL NOT NULL,
    "day" DATE NOT NULL,
    "requested" INTEGER NOT NULL,
    "approved" INTEGER NOT NULL,
    "disclosed" INTEGER NOT NULL,
    "merged" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "HitEscalationRollup_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "HitEscalationRollup_day_idx" ON "HitEscalationRollup"("day");

-- CreateIndex
CREATE INDEX "HitEscalationRollup_merged_day_idx" ON "HitEscalationRollup"("merged", "day");

-- Appends, for the hits hit_ids, their flags now less their flags before the statement: then
-- their escalations were those stored now except skip_escalations, plus old_escalations
-- (the rows an UPDATE replaced), and their packages those stored now except skip_packages.
CREATE FUNCTION metrics_rollup_escalation_flags(hit_ids uuid[], skip_escalations uuid[], old_escalations "Escalation"[], skip_packages uuid[]) RETURNS void
LANGUAGE sql AS $$
  WITH hits AS (SELECT DISTINCT unnest(hit_ids) AS id),
  now_flags AS (
    SELECT e."hitId" AS id, bool_or(e.status = 'APPROVED') AS approved, bool_or(p.id IS NOT NULL) AS disclosed
    FROM "Escalation" e LEFT JOIN "DisclosurePackage" p ON p."escalationId" = e.id
    WHERE e."hitId" IN (SELECT id FROM hits)
    GROUP BY 1),
  before_escalations AS (
    SELECT e.id, e."hitId", e.status FROM "Escalation" e
    WHERE e."hitId" IN (SELECT id FROM hits) AND e.id <> ALL (coalesce(skip_escalations, '{}'))
    UNION ALL
    SELECT o.id, o."hitId", o.status FROM unnest(old_escalations) o WHERE o."hitId" IN (SELECT id FROM hits)),
  before_flags AS (
    SELECT e."hitId" AS id, bool_or(e.status = 'APPROVED') AS approved,
      bool_or(p.id IS NOT NULL AND p.id <> ALL (coalesce(skip_packages, '{}'))) AS disclosed
    FROM before_escalations e LEFT JOIN "DisclosurePackage" p ON p."escalationId" = e.id
    GROUP BY 1),
  diff AS (
    SELECT h.id, (a.id IS NOT NULL)::integer - (b.id IS NOT NULL)::integer AS requested,
      coalesce(a.approved, false)::integer - coalesce(b.approved, false)::integer AS approved,
      coalesce(a.disclosed, false)::integer - coalesce(b.disclosed, false)::integer AS disclosed
    FROM hits h LEFT JOIN now_flags a ON a.id = h.id LEFT JOIN before_flags b ON b.id = h.id)
  INSERT INTO "HitEscalationRollup" (day, requested, approved, disclosed)
  SELECT (x."createdAt" AT TIME ZONE 'UTC')::date, sum(d.requested), sum(d.approved), sum(d.disclosed)
  FROM diff d JOIN "Hit" x ON x.id = d.id
  GROUP BY 1
  HAVING sum(d.requested) <> 0 OR sum(d.approved) <> 0 OR sum(d.disclosed) <> 0
$$;

CREATE FUNCTION metrics_rollup_escalation_stage_inserted() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM metrics_rollup_escalation_flags((SELECT array_agg(n."hitId") FROM new_rows n), (SELECT array_agg(n.id) FROM new_rows n), NULL::"Escalation"[], NULL::uuid[]);
  RETURN NULL;
END;
$$;

CREATE FUNCTION metrics_rollup_escalation_stage_updated() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  -- Only a status or a move to another hit changes a flag; most updates stop here.
  IF NOT EXISTS (
    SELECT 1 FROM old_rows o JOIN new_rows n ON n.id = o.id
    WHERE n.status IS DISTINCT FROM o.status OR n."hitId" IS DISTINCT FROM o."hitId") THEN
    RETURN NULL;
  END IF;
  PERFORM metrics_rollup_escalation_flags(
    (SELECT array_agg(x."hitId") FROM (SELECT n."hitId" FROM new_rows n UNION SELECT o."hitId" FROM old_rows o) x),
    (SELECT array_agg(n.id) FROM new_rows n), (SELECT array_agg(ROW(o.*)::"Escalation") FROM old_rows o), NULL::uuid[]);
  RETURN NULL;
END;
$$;

CREATE FUNCTION metrics_rollup_package_stage_inserted() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM metrics_rollup_escalation_flags(
    (SELECT array_agg(e."hitId") FROM "Escalation" e WHERE e.id IN (SELECT n."escalationId" FROM new_rows n)),
    NULL::uuid[], NULL::"Escalation"[], (SELECT array_agg(n.id) FROM new_rows n));
  RETURN NULL;
END;
$$;

-- A package moved to another escalation (direct writes only): both escalations' hits, their
-- flags recomputed with the package where it was before.
CREATE FUNCTION metrics_rollup_package_stage_moved() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM metrics_rollup_escalation_flags(
    (SELECT array_agg(e."hitId") FROM "Escalation" e WHERE e.id IN (OLD."escalationId", NEW."escalationId")), NULL::uuid[], NULL::"Escalation"[], ARRAY[NEW.id]);
  -- The package's old place: counted as if it were still there (the function cannot see it).
  INSERT INTO "HitEscalationRollup" (day, requested, approved, disclosed)
  SELECT (h."createdAt" AT TIME ZONE 'UTC')::date, 0, 0, -1
  FROM "Escalation" e JOIN "Hit" h ON h.id = e."hitId"
  WHERE e.id = OLD."escalationId"
    AND NOT EXISTS (SELECT 1 FROM "Escalation" o JOIN "DisclosurePackage" p ON p."escalationId" = o.id WHERE o."hitId" = e."hitId" AND p.id <> NEW.id);
  RETURN NULL;
END;
$$;

-- The hit's creation day moved (direct writes only): its flags move with it.
CREATE FUNCTION metrics_rollup_hit_escalations_moved() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "HitEscalationRollup" (day, requested, approved, disclosed)
  SELECT x.day, x.sign, x.sign * bool_or(e.status = 'APPROVED')::integer, x.sign * bool_or(p.id IS NOT NULL)::integer
  FROM "Escalation" e LEFT JOIN "DisclosurePackage" p ON p."escalationId" = e.id
  CROSS JOIN (VALUES ((OLD."createdAt" AT TIME ZONE 'UTC')::date, -1), ((NEW."createdAt" AT TIME ZONE 'UTC')::date, 1)) x(day, sign)
  WHERE e."hitId" = NEW.id
  GROUP BY x.day, x.sign;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Escalation_metrics_stage_insert" AFTER INSERT ON "Escalation"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION metrics_rollup_escalation_stage_inserted();
CREATE TRIGGER "Escalation_metrics_stage_update" AFTER UPDATE ON "Escalation"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION metrics_rollup_escalation_stage_updated();
CREATE TRIGGER "DisclosurePackage_metrics_stage_insert" AFTER INSERT ON "DisclosurePackage"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION metrics_rollup_package_stage_inserted();
CREATE TRIGGER "DisclosurePackage_metrics_stage_update" AFTER UPDATE ON "DisclosurePackage"
  FOR EACH ROW WHEN (OLD."escalationId" IS DISTINCT FROM NEW."escalationId")
  EXECUTE FUNCTION metrics_rollup_package_stage_moved();
CREATE TRIGGER "Hit_metrics_escalations_moved" AFTER UPDATE ON "Hit"
  FOR EACH ROW WHEN ((OLD."createdAt" AT TIME ZONE 'UTC')::date IS DISTINCT FROM (NEW."createdAt" AT TIME ZONE 'UTC')::date)
  EXECUTE FUNCTION metrics_rollup_hit_escalations_moved();

-- For bulk loads that write with triggers off (scripts/bench/scale-data.mts and
-- lib/disclosure-packages.mts): the flags of the given hits as they stand, added.
CREATE FUNCTION metrics_rollup_add_escalation_flags(hit_ids uuid[]) RETURNS void
LANGUAGE sql AS $$
  INSERT INTO "HitEscalationRollup" (day, requested, approved, disclosed)
  SELECT (h."createdAt" AT TIME ZONE 'UTC')::date, count(*), count(*) FILTER (WHERE f.approved), count(*) FILTER (WHERE f.disclosed)
  FROM (
    SELECT e."hitId", bool_or(e.status = 'APPROVED') AS approved, bool_or(p.id IS NOT NULL) AS disclosed
    FROM "Escalation" e LEFT JOIN "DisclosurePackage" p ON p."escalationId" = e.id
    WHERE e."hitId" = ANY (hit_ids)
    GROUP BY 1) f
  JOIN "Hit" h ON h.id = f."hitId"
  GROUP BY 1
$$;

-- Compaction folds this table too.
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

  WITH days AS (SELECT DISTINCT day FROM "HitEscalationRollup" WHERE NOT merged),
  gone AS (DELETE FROM "HitEscalationRollup" r USING days WHERE r.day = days.day RETURNING r.*)
  INSERT INTO "HitEscalationRollup" (day, requested, approved, disclosed, merged)
  SELECT day, sum(requested), sum(approved), sum(disclosed), true
  FROM gone GROUP BY day
  HAVING sum(requested) <> 0 OR sum(approved) <> 0 OR sum(disclosed) <> 0;
  RETURN true;
END;
$$;

-- Backfill from the rows stored now.
INSERT INTO "HitEscalationRollup" (day, requested, approved, disclosed, merged)
SELECT (h."createdAt" AT TIME ZONE 'UTC')::date, count(*), count(*) FILTER (WHERE f.approved), count(*) FILTER (WHERE f.disclosed), true
FROM (
  SELECT e."hitId", bool_or(e.status = 'APPROVED') AS approved, bool_or(p.id IS NOT NULL) AS disclosed
  FROM "Escalation" e LEFT JOIN "DisclosurePackage" p ON p."escalationId" = e.id
  GROUP BY 1) f
JOIN "Hit" h ON h.id = f."hitId"
GROUP BY 1;
