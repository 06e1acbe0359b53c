-- Ingestion API (issue 7): what a screening batch records beyond its counts, and a
-- per-list minimum score for the built-in engine.
-- AlterTable
ALTER TABLE "ScreeningBatch" ADD COLUMN     "hitsSuppressed" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "kind" TEXT NOT NULL DEFAULT 'SEED',
ADD COLUMN     "sensitiveValuesDeleted" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "submittedBy" TEXT;

-- AlterTable
ALTER TABLE "WatchlistSource" ADD COLUMN     "matchThreshold" DOUBLE PRECISION;

