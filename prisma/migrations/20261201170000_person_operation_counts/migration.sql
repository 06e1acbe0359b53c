-- A person's events counted per operation as they are chained (issue 11, fifth pass).
--
-- The per-person report shows how many events of each operation the log holds about the person.
-- Counting them at read time grew with the person's history: the traveller of the queue's first
-- hit, consulted by every queue page of every benchmark run, had 327,090 events, and eight
-- privacy officers opening that report waited 364 ms each (p95), even with the count an
-- index-only scan. The chainer now adds each batch's events to a row per person and operation
-- (a queue page's 50 events touch 50 rows), in the same statement that chains them, so the
-- counts and the chain commit together; the 5-year erasure of access events subtracts what it
-- erases (server/retention/erase-access-events.ts). Derived data, like the metrics' rollups:
-- verification still recomputes the chain from the events themselves.
CREATE TABLE "AccessEventPersonCount" (
    "travellerId" UUID NOT NULL,
    "operation" "AccessOperation" NOT NULL,
    "events" BIGINT NOT NULL,

    CONSTRAINT "AccessEventPersonCount_pkey" PRIMARY KEY ("travellerId","operation")
);

-- What the log holds now (an index-only scan of the (travellerId, at, operation) index).
INSERT INTO "AccessEventPersonCount" ("travellerId", operation, events)
SELECT "travellerId", operation, count(*) FROM "AccessEvent" WHERE "travellerId" IS NOT NULL GROUP BY "travellerId", operation;

-- chain_access_events() of migration 20261201140000, the counts added in its moving statement.
CREATE OR REPLACE FUNCTION chain_access_events(max_rows integer DEFAULT 10000) RETURNS integer
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
  -- min(id) reads the primary key; EXISTS scanned the heap from its start, through every
  -- row deleted since the last vacuum.
  IF (SELECT min(id) FROM "AccessEventPending") IS NULL THEN
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
  -- The reveals' metrics trigger locks each revealed hit FOR SHARE, row by row in seq order;
  -- a writer locking two of those hits in id order could then deadlock with it. Taking the
  -- batch's revealed hits here first, in id order, makes the trigger's locks ones already held.
  PERFORM 1 FROM "Hit" h
  WHERE h.id IN (SELECT metrics_reveal_hit(p."resourceId") FROM "AccessEventPending" p
                 WHERE p.id BETWEEN ids[1] AND ids[total] AND p.id = ANY (ids) AND p."resourceType" = 'hit' AND p.operation = 'CONSULTATION' AND (p.details ->> 'view') = 'reveal')
  ORDER BY h.id FOR SHARE;
  FOR i IN 1 .. total LOOP
    prev_hashes := prev_hashes || head_hash;
    head_hash := encode(sha256(convert_to(head_hash || (first_seq + i - 1)::text || content_hashes[i], 'UTF8')), 'hex');
    hashes := hashes || head_hash;
  END LOOP;
  PERFORM set_config('proportio.chaining', 'on', true);
  -- The batch is the lowest ids pending: the range keeps the DELETE on the primary key.
  WITH moved AS (DELETE FROM "AccessEventPending" WHERE id BETWEEN ids[1] AND ids[total] AND id = ANY (ids) RETURNING *),
  -- The per-person counts (migration 20261201170000): one row per person and operation of the batch.
  counted AS (
    INSERT INTO "AccessEventPersonCount" AS c ("travellerId", operation, events)
    SELECT p."travellerId", p.operation, count(*) FROM moved p WHERE p."travellerId" IS NOT NULL GROUP BY p."travellerId", p.operation
    ON CONFLICT ("travellerId", operation) DO UPDATE SET events = c.events + EXCLUDED.events
  )
  INSERT INTO "AccessEvent" (seq, at, "actorType", "actorId", "actorLabel", role, operation, outcome, "resourceType",
    "resourceId", "travellerId", purpose, recipient, "requestId", ip, "userAgent", details, "prevHash", hash)
  SELECT first_seq + u.n - 1, p.at, p."actorType", p."actorId", p."actorLabel", p.role, p.operation, p.outcome, p."resourceType",
    p."resourceId", p."travellerId", p.purpose, p.recipient, p."requestId", p.ip, p."userAgent", p.details,
    u.prev_hash, u.hash
  FROM unnest(ids, prev_hashes, hashes) WITH ORDINALITY AS u(id, prev_hash, hash, n)
  JOIN moved p ON p.id = u.id;
  PERFORM set_config('proportio.chaining', 'off', true);
  UPDATE "AccessLogHead" SET "lastSeq" = first_seq + total - 1, hash = head_hash WHERE id = 1;
  RETURN total;
END;
$$;
