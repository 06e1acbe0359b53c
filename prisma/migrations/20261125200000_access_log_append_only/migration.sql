-- The access log is append-only in the database itself, not only by the app's habits
-- (LED art. 25; DESIGN.md "The database"). Prisma's schema differ ignores functions and
-- triggers, so this hand-written migration adds no drift.
--
-- Triggers stop mistakes and any role that is not the table's owner; an owner or superuser
-- can still disable them. Against that, the hash chain (server/access-log/verify.ts) shows
-- an edited row, and the checkpoints copied to the anchor file show a rewritten chain.
--
-- "AccessLogHead" gets no trigger: append_access_events() (migration 20261125180000)
-- UPDATEs it under its lock on every append. Rewriting it alone proves nothing, because
-- verification recomputes the chain from the events and compares the head with them.

-- Always refuses: checkpoints are never changed, and nothing truncates the log.
CREATE FUNCTION access_log_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'The access log is append-only: % on "%" is refused.', TG_OP, TG_TABLE_NAME
    USING HINT = 'Access events and checkpoints are never changed or removed; only the retention job erases events older than 5 years.';
END;
$$;

-- Refuses every UPDATE and DELETE of an event except the retention job's erasure: a DELETE
-- of an event older than 5 years (PNR art. 12(1), the longest any event is kept) in a
-- session that declared itself the erasure with SET proportio.erasure = 'on'. That job
-- also writes a checkpoint and an ERASURE event, so the gap it leaves is explained.
CREATE FUNCTION access_event_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF current_setting('proportio.erasure', true) = 'on' AND OLD.at < now() - interval '5 years' THEN
      RETURN OLD;
    END IF;
  END IF;
  RAISE EXCEPTION 'The access log is append-only: % on "%" is refused.', TG_OP, TG_TABLE_NAME
    USING HINT = 'Access events are never changed; only the retention job erases events older than 5 years.';
END;
$$;

CREATE TRIGGER "AccessEvent_append_only"
  BEFORE UPDATE OR DELETE ON "AccessEvent"
  FOR EACH ROW EXECUTE FUNCTION access_event_refuse_change();

-- Row triggers do not fire on TRUNCATE, so it needs a statement trigger of its own.
CREATE TRIGGER "AccessEvent_no_truncate"
  BEFORE TRUNCATE ON "AccessEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION access_log_refuse_change();

CREATE TRIGGER "AccessLogCheckpoint_append_only"
  BEFORE UPDATE OR DELETE ON "AccessLogCheckpoint"
  FOR EACH ROW EXECUTE FUNCTION access_log_refuse_change();

CREATE TRIGGER "AccessLogCheckpoint_no_truncate"
  BEFORE TRUNCATE ON "AccessLogCheckpoint"
  FOR EACH STATEMENT EXECUTE FUNCTION access_log_refuse_change();

-- Where the app runs as a role of its own, it gets these rights only through PUBLIC or an
-- explicit grant; taking them from PUBLIC is harmless for the owner and leaves a separate
-- app role with INSERT and SELECT alone.
REVOKE UPDATE, DELETE, TRUNCATE ON "AccessEvent", "AccessLogCheckpoint" FROM PUBLIC;
