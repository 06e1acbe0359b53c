-- The per-person report counts a person's events per operation (server/access-log/get-person-report.ts).
-- For a person whose hit stayed on the first page of the queue, every queue page recorded a
-- consultation: 233,590 events for one traveller on the five-year profile after the benchmarks,
-- and counting them read each event's row from the heap for its operation — 283 ms, and the
-- report page 1–2 s at 8 readers. With the operation as the index's last column, the count is
-- an index-only scan; the index still serves a person's events newest first by (at, seq).
CREATE INDEX "AccessEvent_travellerId_at_operation_idx" ON "AccessEvent"("travellerId", "at", "operation");
DROP INDEX "AccessEvent_travellerId_at_idx";
