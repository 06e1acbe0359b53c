-- CreateTable
CREATE TABLE "RetentionStateRollup" (
    "id" BIGSERIAL NOT NULL,
    "day" DATE NOT NULL,
    "state" TEXT NOT NULL,
    "travellers" INTEGER NOT NULL,
    "merged" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "RetentionStateRollup_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RetentionStateRollup_day_idx" ON "RetentionStateRollup"("day");

-- CreateIndex
CREATE INDEX "RetentionStateRollup_merged_day_idx" ON "RetentionStateRollup"("merged", "day");

-- Maintenance (hand-written; Prisma's differ ignores functions and triggers). As the metrics
-- rollups (migration 20261126180000): statement triggers append one aggregated row of
-- differences per day and state, never update a shared counter; retention_state_compact()
-- folds them. A traveller's state: 'identifiable' until masked, 'masked' after, 'erased'
-- once deleted — erasure moves the count, it does not lose it.
CREATE FUNCTION retention_state_of(masked_at timestamptz) RETURNS text
LANGUAGE sql IMMUTABLE AS $$ SELECT CASE WHEN masked_at IS NULL THEN 'identifiable' ELSE 'masked' END $$;

CREATE FUNCTION retention_state_inserted() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "RetentionStateRollup" (day, state, travellers)
  SELECT (n."collectedAt" AT TIME ZONE 'UTC')::date, retention_state_of(n."maskedAt"), count(*) FROM new_rows n GROUP BY 1, 2;
  RETURN NULL;
END;
$$;

-- Every UPDATE statement of travellers: the old rows out, the new rows in, per day and state;
-- rows whose day and state did not change cancel out and append nothing.
CREATE FUNCTION retention_state_updated() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "RetentionStateRollup" (day, state, travellers)
  SELECT day, state, sum(n)::int FROM (
    SELECT (o."collectedAt" AT TIME ZONE 'UTC')::date AS day, retention_state_of(o."maskedAt") AS state, -1 AS n FROM old_rows o
    UNION ALL
    SELECT (n."collectedAt" AT TIME ZONE 'UTC')::date, retention_state_of(n."maskedAt"), 1 FROM new_rows n
  ) d GROUP BY day, state HAVING sum(n) <> 0;
  RETURN NULL;
END;
$$;

CREATE FUNCTION retention_state_deleted() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "RetentionStateRollup" (day, state, travellers)
  SELECT day, state, sum(n)::int FROM (
    SELECT (o."collectedAt" AT TIME ZONE 'UTC')::date AS day, retention_state_of(o."maskedAt") AS state, -1 AS n FROM old_rows o
    UNION ALL
    SELECT (o."collectedAt" AT TIME ZONE 'UTC')::date, 'erased', 1 FROM old_rows o
  ) d GROUP BY day, state;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Traveller_retention_state_insert" AFTER INSERT ON "Traveller"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION retention_state_inserted();
CREATE TRIGGER "Traveller_retention_state_update" AFTER UPDATE ON "Traveller"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION retention_state_updated();
CREATE TRIGGER "Traveller_retention_state_delete" AFTER DELETE ON "Traveller"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION retention_state_deleted();

-- Folds appended rows into one per day and state (merged); sums unchanged. One caller at a time.
CREATE FUNCTION retention_state_compact() RETURNS boolean
LANGUAGE plpgsql AS $$
BEGIN
  IF NOT pg_try_advisory_xact_lock(hashtext('proportio:retention-state-compact')) THEN
    RETURN false;
  END IF;
  WITH days AS (SELECT DISTINCT day FROM "RetentionStateRollup" WHERE NOT merged),
  gone AS (DELETE FROM "RetentionStateRollup" r USING days WHERE r.day = days.day RETURNING r.*)
  INSERT INTO "RetentionStateRollup" (day, state, travellers, merged)
  SELECT day, state, sum(travellers), true FROM gone GROUP BY day, state HAVING sum(travellers) <> 0;
  RETURN true;
END;
$$;

-- Backfill: the travellers stored now (what was erased before this migration is not known by day).
INSERT INTO "RetentionStateRollup" (day, state, travellers, merged)
SELECT (t."collectedAt" AT TIME ZONE 'UTC')::date, retention_state_of(t."maskedAt"), count(*), true FROM "Traveller" t GROUP BY 1, 2;
