-- A hit's views by the hit (issue 11, sixth pass).
--
-- The hit detail lists who opened the hit and who revealed what (server/hits/read-hit-detail.ts:
-- consultations of the hit that are not queue rows). They were found through the traveller's
-- events, newest first, skipping every queue row: for the hit at the top of the queue, shown
-- on every queue page of every analyst, that is nearly all of its traveller's events — 379,678
-- rows read to find 5 views on the five-year profile after the benchmarks (28 s from disk,
-- about a second cached), for the hit analysts open most. Only those views enter this index
-- (a queue row's consultation does not: the chain's moving statement pays nothing more for
-- them), and it answers the views of one hit newest first.
CREATE INDEX "AccessEvent_hit_views_idx" ON "AccessEvent" ("resourceId", "at")
  WHERE "resourceType" = 'hit' AND operation = 'CONSULTATION' AND (details #> '{view}'::text[]) <> '"hit-list"'::jsonb;
