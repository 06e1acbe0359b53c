-- The metrics' "now" figures read rows, not rollups (server/metrics/rollups.md); on the
-- benchmark's data two of them were most of a year's metrics request (issue 11).

-- Queue age (server/metrics/queue-age.ts) bands the open hits by creation time and counts
-- those past their deadline: with dueAt in the open createdAt index it is an index-only scan
-- (13,800 open hits: 60 ms of heap reads → 4 ms). dueAt trails the key, so the queue's
-- (createdAt, id) keyset order is the same.
DROP INDEX "Hit_open_createdAt_id_idx";
CREATE INDEX "Hit_open_createdAt_id_idx" ON "Hit" ("createdAt", id, status, "dueAt")
  WHERE (status = ANY (ARRAY['NEW'::"HitStatus", 'IN_REVIEW'::"HitStatus", 'ESCALATION_PENDING'::"HitStatus"]));

-- The retention panel counts the travellers that escalations hold (distinct, per status).
-- Each escalation looked its hit up for the traveller: 24,000 holding escalations, two index
-- lookups each, 230 ms. The escalation now carries its hit's traveller. A hit's traveller
-- never changes, so the copy cannot go stale; the trigger fills it whatever writes the row
-- (the app, the seed, scripts, tests), from the hit, never from the writer.
ALTER TABLE "Escalation" ADD COLUMN "travellerId" UUID;

-- The escalations' update triggers first asked "did any row change its hit, creation time or
-- status?" with NOT EXISTS over a join of the old and new rows. NOT EXISTS is planned for its
-- first row, a nested loop, and when no row changed (the usual case) it compares every old
-- row with every new one: 2,000 rows took 0.7 s, 33,000 (this migration's backfill) 455 s.
-- Counting is planned for all rows: a hash join, linear. Same answer, same bodies otherwise.
CREATE OR REPLACE FUNCTION metrics_rollup_escalations_updated() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  -- Decisions, withdrawals and reviews change neither; most updates stop here.
  IF (
    SELECT count(*) FROM old_rows o JOIN new_rows n ON n.id = o.id
    WHERE n."createdAt" IS DISTINCT FROM o."createdAt" OR n."hitId" IS DISTINCT FROM o."hitId") = 0 THEN
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

CREATE OR REPLACE FUNCTION metrics_rollup_escalation_stage_updated() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  -- Only a status or a move to another hit changes a flag; most updates stop here.
  IF (
    SELECT count(*) FROM old_rows o JOIN new_rows n ON n.id = o.id
    WHERE n.status IS DISTINCT FROM o.status OR n."hitId" IS DISTINCT FROM o."hitId") = 0 THEN
    RETURN NULL;
  END IF;
  PERFORM metrics_rollup_escalation_flags(
    (SELECT array_agg(x."hitId") FROM (SELECT n."hitId" FROM new_rows n UNION SELECT o."hitId" FROM old_rows o) x),
    (SELECT array_agg(n.id) FROM new_rows n), (SELECT array_agg(ROW(o.*)::"Escalation") FROM old_rows o), NULL::uuid[]);
  RETURN NULL;
END;
$$;

UPDATE "Escalation" e SET "travellerId" = h."travellerId" FROM "Hit" h WHERE h.id = e."hitId";

CREATE FUNCTION escalation_traveller() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."travellerId" := (SELECT h."travellerId" FROM "Hit" h WHERE h.id = NEW."hitId");
  RETURN NEW;
END $$;

CREATE TRIGGER escalation_traveller BEFORE INSERT OR UPDATE OF "hitId", "travellerId" ON "Escalation"
  FOR EACH ROW EXECUTE FUNCTION escalation_traveller();
