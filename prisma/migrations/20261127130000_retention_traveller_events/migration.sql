-- Issue 11: the retention job records one ERASURE event per traveller it masks or erases,
-- thousands a transaction, which differ only in the traveller and a few numeric details. As
-- append_access_events() (migration 20261125220000) — stored as pending, linked into the chain
-- by chain_access_events() after commit — but the shared fields come once, and per event only
-- the traveller, its extra details and the content hash the writer computed
-- (server/access-log/record.ts, recordTravellerEvents). The stored rows are the ones
-- append_access_events() would store for the same events: resourceId is the traveller's id as
-- text, details the shared details with the event's own merged in.
CREATE FUNCTION append_traveller_access_events(shared jsonb, traveller_ids uuid[], extra_details jsonb[], content_hashes text[]) RETURNS bigint
LANGUAGE sql AS $$
  WITH inserted AS (
    INSERT INTO "AccessEventPending" (at, "actorType", "actorId", "actorLabel", role, operation, outcome, "resourceType",
      "resourceId", "travellerId", purpose, recipient, "requestId", ip, "userAgent", details, "contentHash")
    SELECT
      (shared->>'at')::timestamptz,
      (shared->>'actorType')::"ActorType",
      (shared->>'actorId')::uuid,
      shared->>'actorLabel',
      (shared->>'role')::"Role",
      (shared->>'operation')::"AccessOperation",
      (shared->>'outcome')::"AccessOutcome",
      shared->>'resourceType',
      e.traveller_id::text,
      e.traveller_id,
      shared->>'purpose',
      shared->>'recipient',
      shared->>'requestId',
      shared->>'ip',
      shared->>'userAgent',
      NULLIF(shared->'details', 'null'::jsonb) || COALESCE(e.extra, '{}'::jsonb),
      e.content_hash
    FROM unnest(traveller_ids, extra_details, content_hashes) WITH ORDINALITY AS e(traveller_id, extra, content_hash, n)
    ORDER BY e.n
    RETURNING 1
  )
  SELECT count(*) FROM inserted;
$$;

-- The sealed record went with its traveller through a foreign key (ON DELETE CASCADE): a
-- trigger per row, on every insert (the key's check: 2/3 of the time the masking's INSERT took
-- on the one-year profile) and on every deleted traveller (the largest of the erasure's
-- cascades). The same rule set-based: one statement per DELETE of travellers, whichever path
-- deletes them. Masking inserts sealed records only for travellers it holds locked (FOR
-- UPDATE), so the check on insert had nothing to catch.
ALTER TABLE "MaskedTravellerData" DROP CONSTRAINT "MaskedTravellerData_travellerId_fkey";

CREATE FUNCTION masked_traveller_data_erased() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "MaskedTravellerData" m USING old_rows o WHERE m."travellerId" = o.id;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Traveller_sealed_record_delete" AFTER DELETE ON "Traveller"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION masked_traveller_data_erased();
