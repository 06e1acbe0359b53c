-- An administrator may stop a retention run in progress (issue 11, seventh pass): a real run on
-- a large unit takes hours. The run reads the request before each batch and ends STOPPED; the
-- batches it finished stay done, and the next run goes on from there.
ALTER TABLE "RetentionRun" ADD COLUMN "stopRequestedAt" TIMESTAMPTZ(3);
ALTER TABLE "RetentionRun" ADD COLUMN "stopRequestedBy" TEXT;
