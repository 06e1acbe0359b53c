-- A retention run started by hand runs in the background (issue 11, seventh pass).
--
-- "Run now" masked and erased inside one HTTP request: minutes to hours on a large unit, past
-- every proxy's timeout, and the administrator saw nothing until it ended. The request now
-- answers at once with the run; the page follows the run's row. The row says who started it
-- (the scheduled job, or an administrator's name), which phase it is in, and the cleared-hit
-- memories erased — until now only in the answer to the request that started it.
ALTER TABLE "RetentionRun" ADD COLUMN "startedBy" TEXT;
ALTER TABLE "RetentionRun" ADD COLUMN "phase" TEXT;
ALTER TABLE "RetentionRun" ADD COLUMN "suppressionsErased" INTEGER NOT NULL DEFAULT 0;
