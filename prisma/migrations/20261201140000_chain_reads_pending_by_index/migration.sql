-- chain_access_events() reads the pending events by their primary key (issue 11, fourth pass).
--
-- "AccessEventPending" is a queue: every event is inserted, then deleted by the chainer a
-- fraction of a second later, and autovacuum reaches it about once a minute. Between two
-- vacuums a queue read of 16 clients leaves hundreds of thousands of deleted rows in it, and
-- the function's NOT EXISTS check and its DELETE ... WHERE id = ANY (ids) scanned the heap
-- through all of them (pg_stat_statements during 10 s of queue pages: 6.8 ms per call each,
-- 0.3 ms of the database's time per queue page). The check is now min(id), the DELETE and
-- the reveal lock a range of the primary key. Same batches, same hashes.
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
  WITH moved AS (DELETE FROM "AccessEventPending" WHERE id BETWEEN ids[1] AND ids[total] AND id = ANY (ids) RETURNING *)
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
