-- The chain is linked after commit instead of inside each request's transaction.
--
-- Before, append_access_events() locked the chain's head in the caller's transaction and
-- kept it until that transaction committed, including every round trip to the app in
-- between: every request that touched personal data waited for every other one (about
-- 70 requests/s on two cores, whatever the hardware). Now a request only inserts its
-- events into "AccessEventPending" — no lock, still in the same transaction as the
-- operation, so an event exists exactly when its operation commits — and one chainer
-- (chain_access_events(), run by server/access-log/chainer.ts) moves committed events
-- into "AccessEvent" in id order, numbering and linking them under the head's lock in a
-- single statement of its own. The chain stays strictly linear and gapless; an event
-- reaches it a fraction of a second after its operation.

-- CreateTable
CREATE TABLE "AccessEventPending" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "actorType" "ActorType" NOT NULL,
    "actorId" UUID,
    "actorLabel" TEXT,
    "role" "Role",
    "operation" "AccessOperation" NOT NULL,
    "outcome" "AccessOutcome" NOT NULL,
    "resourceType" TEXT NOT NULL,
    "resourceId" TEXT,
    "travellerId" UUID,
    "purpose" TEXT,
    "recipient" TEXT,
    "requestId" TEXT,
    "ip" TEXT,
    "userAgent" TEXT,
    "details" JSONB,
    "contentHash" CHAR(64) NOT NULL,

    CONSTRAINT "AccessEventPending_pkey" PRIMARY KEY ("id")
);


-- Same name and argument as before, so writers did not change: the writer sends each
-- event with the sha256 of its canonical content (server/access-log/chain.ts).
CREATE OR REPLACE FUNCTION append_access_events(events jsonb) RETURNS bigint
LANGUAGE sql AS $$
  WITH inserted AS (
    INSERT INTO "AccessEventPending" (at, "actorType", "actorId", "actorLabel", role, operation, outcome, "resourceType",
      "resourceId", "travellerId", purpose, recipient, "requestId", ip, "userAgent", details, "contentHash")
    SELECT
      (t.value->>'at')::timestamptz,
      (t.value->>'actorType')::"ActorType",
      (t.value->>'actorId')::uuid,
      t.value->>'actorLabel',
      (t.value->>'role')::"Role",
      (t.value->>'operation')::"AccessOperation",
      (t.value->>'outcome')::"AccessOutcome",
      t.value->>'resourceType',
      t.value->>'resourceId',
      (t.value->>'travellerId')::uuid,
      t.value->>'purpose',
      t.value->>'recipient',
      t.value->>'requestId',
      t.value->>'ip',
      t.value->>'userAgent',
      NULLIF(t.value->'details', 'null'::jsonb),
      t.value->>'contentHash'
    FROM jsonb_array_elements(events) WITH ORDINALITY AS t(value, n)
    ORDER BY t.n
    RETURNING 1
  )
  SELECT count(*) FROM inserted;
$$;

-- Links up to max_rows committed pending events into the chain, oldest id first, and
-- returns how many. Under the head row's lock each gets the next seq and
-- hash = sha256(prevHash || seq || contentHash); the rows are then moved in two
-- set-based statements. Only the chainer deletes pending rows, and only while it holds
-- the lock, so the rows it read cannot change under it. Returns 0 at once, taking no
-- lock, when nothing waits.
CREATE FUNCTION chain_access_events(max_rows integer DEFAULT 10000) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
  first_seq bigint;
  head_hash text;
  ids bigint[];
  content_hashes text[];
  prev_hashes text[] := '{}';
  hashes text[] := '{}';
  total integer;
  i integer;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM "AccessEventPending") THEN
    RETURN 0;
  END IF;
  SELECT "lastSeq" + 1, hash INTO first_seq, head_hash FROM "AccessLogHead" WHERE id = 1 FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'The access log has no head row: the database was not migrated.';
  END IF;
  SELECT array_agg(p.id ORDER BY p.id), array_agg(p."contentHash"::text ORDER BY p.id) INTO ids, content_hashes
    FROM (SELECT id, "contentHash" FROM "AccessEventPending" ORDER BY id LIMIT max_rows) p;
  total := coalesce(array_length(ids, 1), 0);
  IF total = 0 THEN
    RETURN 0;
  END IF;
  FOR i IN 1 .. total LOOP
    prev_hashes := prev_hashes || head_hash;
    head_hash := encode(sha256(convert_to(head_hash || (first_seq + i - 1)::text || content_hashes[i], 'UTF8')), 'hex');
    hashes := hashes || head_hash;
  END LOOP;
  INSERT INTO "AccessEvent" (seq, at, "actorType", "actorId", "actorLabel", role, operation, outcome, "resourceType",
    "resourceId", "travellerId", purpose, recipient, "requestId", ip, "userAgent", details, "prevHash", hash)
  SELECT first_seq + u.n - 1, p.at, p."actorType", p."actorId", p."actorLabel", p.role, p.operation, p.outcome, p."resourceType",
    p."resourceId", p."travellerId", p.purpose, p.recipient, p."requestId", p.ip, p."userAgent", p.details,
    prev_hashes[u.n], hashes[u.n]
  FROM unnest(ids) WITH ORDINALITY AS u(id, n)
  JOIN "AccessEventPending" p ON p.id = u.id;
  PERFORM set_config('proportio.chaining', 'on', true);
  DELETE FROM "AccessEventPending" WHERE id = ANY (ids);
  PERFORM set_config('proportio.chaining', 'off', true);
  UPDATE "AccessLogHead" SET "lastSeq" = first_seq + total - 1, hash = head_hash WHERE id = 1;
  RETURN total;
END;
$$;

-- Pending events are as append-only as chained ones: never updated, and deleted only by
-- chain_access_events() in the same transaction that copies them into the chain.
CREATE FUNCTION access_event_pending_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND current_setting('proportio.chaining', true) = 'on' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'The access log is append-only: % on "%" is refused.', TG_OP, TG_TABLE_NAME
    USING HINT = 'Pending access events are only moved into the chain by chain_access_events().';
END;
$$;

CREATE TRIGGER "AccessEventPending_append_only"
  BEFORE UPDATE OR DELETE ON "AccessEventPending"
  FOR EACH ROW EXECUTE FUNCTION access_event_pending_refuse_change();

CREATE TRIGGER "AccessEventPending_no_truncate"
  BEFORE TRUNCATE ON "AccessEventPending"
  FOR EACH STATEMENT EXECUTE FUNCTION access_log_refuse_change();

REVOKE UPDATE, DELETE, TRUNCATE ON "AccessEventPending" FROM PUBLIC;
