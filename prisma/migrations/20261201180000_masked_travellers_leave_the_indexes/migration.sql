-- Masking (server/retention/mask-travellers.ts) empties a traveller's document number and
-- booking reference and sets "maskedAt": every indexed column it changes, so each masked row's
-- new version entered all six of Traveller's indexes (no HOT update possible) — the largest
-- share of masking's time in PostgreSQL (21.7 µs a traveller, pg_stat_statements). As partial
-- indexes, a masked row enters none of these three: the lookups by document number or booking
-- reference (the access-log search for a person) only ever ask for a value, and the unmasked
-- travellers by collection time are what masking and the retention metrics walk. Masked
-- travellers (all but the last six months of five years) also no longer fill them.
DROP INDEX "Traveller_bookingReference_idx";
CREATE INDEX "Traveller_bookingReference_idx" ON "Traveller"("bookingReference") WHERE "bookingReference" IS NOT NULL;
DROP INDEX "Traveller_documentNumber_idx";
CREATE INDEX "Traveller_documentNumber_idx" ON "Traveller"("documentNumber") WHERE "documentNumber" IS NOT NULL;
DROP INDEX "Traveller_maskedAt_collectedAt_idx";
CREATE INDEX "Traveller_unmasked_collectedAt_idx" ON "Traveller"("collectedAt") WHERE "maskedAt" IS NULL;
