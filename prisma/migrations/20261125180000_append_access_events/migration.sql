-- Appends access events to the hash chain in one statement. The writer sends each event
-- with the sha256 of its canonical content (server/access-log/chain.ts). Here, under the
-- head row's lock, each gets the next seq and hash = sha256(prevHash || seq || contentHash).
-- Keeping the locked part inside the database (no round trip to the app while the lock is
-- held) is what lets many writers share one strictly linear chain.
CREATE FUNCTION append_access_events(events jsonb) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
  first_seq bigint;
  head_hash text;
  content_hashes text[];
  prev_hashes text[] := '{}';
  hashes text[] := '{}';
  i integer;
BEGIN
  SELECT "lastSeq" + 1, hash INTO first_seq, head_hash FROM "AccessLogHead" WHERE id = 1 FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'The access log has no head row: the database was not migrated.';
  END IF;
  SELECT array_agg(t.value->>'contentHash' ORDER BY t.n) INTO content_hashes
    FROM jsonb_array_elements(events) WITH ORDINALITY AS t(value, n);
  -- Only the links are sequential; the rows are then written in one set-based insert.
  FOR i IN 1 .. coalesce(array_length(content_hashes, 1), 0) LOOP
    prev_hashes := prev_hashes || head_hash;
    head_hash := encode(sha256(convert_to(head_hash || (first_seq + i - 1)::text || content_hashes[i], 'UTF8')), 'hex');
    hashes := hashes || head_hash;
  END LOOP;
  INSERT INTO "AccessEvent" (seq, at, "actorType", "actorId", "actorLabel", role, operation, outcome, "resourceType",
    "resourceId", "travellerId", purpose, recipient, "requestId", ip, "userAgent", details, "prevHash", hash)
  SELECT
    first_seq + t.n - 1,
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
    prev_hashes[t.n],
    hashes[t.n]
  FROM jsonb_array_elements(events) WITH ORDINALITY AS t(value, n);
  UPDATE "AccessLogHead" SET "lastSeq" = first_seq + array_length(hashes, 1) - 1, hash = head_hash WHERE id = 1;
  RETURN first_seq + array_length(hashes, 1) - 1;
END;
$$;
