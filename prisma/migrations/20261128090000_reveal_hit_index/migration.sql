-- The reveals of one hit, found by the hit (issue 11). A decision's rollup trigger
-- (metrics_rollup_decisions_inserted, migration 20261127110000) looks for the reveals it
-- follows: same hit, same actor, the 24 hours before. With only the (at, resourceId) reveal
-- index it read every reveal of the last 24 hours and parsed each one's resourceId — 0.9 s
-- per decision after a day of 10,000 reveals. This index is keyed by the same expression the
-- trigger joins on (metrics_reveal_hit is IMMUTABLE), so a decision reads its hit's few
-- reveals. Prisma's schema cannot express an expression index; its differ ignores it.
CREATE INDEX "AccessEvent_reveal_hit_idx" ON "AccessEvent" (metrics_reveal_hit("resourceId"), "at")
  WHERE "resourceType" = 'hit' AND operation = 'CONSULTATION' AND (details ->> 'view') = 'reveal';
