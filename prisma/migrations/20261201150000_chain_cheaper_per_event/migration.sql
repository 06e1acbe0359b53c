-- Chaining an event costs less (issue 11, fifth pass). pg_stat_statements during 10 s of queue
-- pages (five-year profile): chain_access_events() was 64 % of the database's time, 20 µs an
-- event, a queue page records 50. Two per-event costs that bought nothing go:
--
-- 1. The pending table's append-only guard ran once per deleted row: a PL/pgSQL call for every
--    event the chainer moves. The same function as a statement trigger refuses the same
--    statements (every DELETE outside chain_access_events(), every UPDATE) once per statement.
DROP TRIGGER "AccessEventPending_append_only" ON "AccessEventPending";
CREATE TRIGGER "AccessEventPending_append_only"
  BEFORE DELETE OR UPDATE ON "AccessEventPending"
  FOR EACH STATEMENT EXECUTE FUNCTION access_event_pending_refuse_change();

-- 2. AccessEvent (operation, at) indexed every consultation, nearly all of the log (752 MB on the
--    five-year profile), for searches that filter by operation. A search for consultations in a
--    time range reads the index on at as well (they are most of any range); the other operations
--    (disclosures, erasures, denials, logins, exports) are a small part, which this index keeps.
DROP INDEX "AccessEvent_operation_at_idx";
CREATE INDEX "AccessEvent_operation_at_idx" ON "AccessEvent"("operation", "at") WHERE (operation <> 'CONSULTATION'::"AccessOperation");
