-- Issue 11: a hit's stored explanation no longer quotes the traveller. Each item's
-- "travellerValue" was a copy of the traveller's own column (the item's field names it); the
-- app now stores explanations without it (lib/hits/stored-explanation.ts) and reads the value
-- from the traveller row, masked for the caller (server/hits/mask-explanation.ts). So masking
-- a traveller (retention) clears the Traveller row alone and rewrites no Hit row.
--
-- This strips the key from the hits already stored, in one set-based UPDATE; the order of the
-- items and every other key stay. Rows without the key (new ones) are not written.
-- Hits of travellers masked before this change held a masked copy ("Q****"), which goes too:
-- their traveller columns are NULL, and the page says the value is masked under retention.
--
-- Cost on the one-year profile (408,780 hits; Hit has 14 indexes, none on "explanation"):
-- every row that quotes a value gets a new version, and as the rows are full (no HOT update)
-- each index takes a new entry per row. Measured on a copy of that profile (2 cores, load
-- average 4.4 from other work): 404,180 rows in 49.7 s (EXPLAIN ANALYZE: seq scan and jsonb
-- rebuild 14.7 s, the rest the row and index writes), 1.45 GB of WAL, the table from about
-- 417 MB to 788 MB until vacuum reuses the old versions (VACUUM ANALYZE "Hit" after: 8.6 s).
-- It holds the rows' locks until it commits: run it while the app is stopped, as a
-- migration is. The WHEN conditions of Hit's AFTER UPDATE triggers (status, dates) are
-- false for every row, so no rollup changes. Once, instead of on every retention batch.
UPDATE "Hit" h
   SET explanation = (
         SELECT jsonb_agg(CASE WHEN jsonb_typeof(e.item) = 'object' THEN e.item - 'travellerValue' ELSE e.item END ORDER BY e.ord)
           FROM jsonb_array_elements(h.explanation) WITH ORDINALITY AS e(item, ord))
 WHERE jsonb_typeof(h.explanation) = 'array'
   AND h.explanation @? '$[*].travellerValue';
