-- The access log's hash column loses its unique index. Nothing looks an event up by its hash
-- (verification walks by seq and recomputes every link), and seq is already unique, so the
-- index only guarded against a sha256 collision — at the price of the costliest write in the
-- log: each new event's hash is random, so every insert landed on a random leaf of a 3.6 GB
-- btree (five-year profile, 40 million events), half the cost of chaining an event
-- (2,000 events: 75 ms with it, 39 ms without). Every request that records events pays it
-- through the chainer: a queue page records 50.
DROP INDEX IF EXISTS "AccessEvent_hash_key";
