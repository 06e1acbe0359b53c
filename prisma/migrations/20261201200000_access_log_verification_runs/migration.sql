-- Verifying the access log runs in the background (issue 11, sixth pass).
--
-- Verification recomputes every hash of the chain: 71 million events on the five-year profile
-- take 17 minutes (68,579 a second), which "Verify the chain" did inside one HTTP request. A
-- verification is now a row the server writes as it goes — how many events it has checked, a
-- heartbeat, then its result — and the access-log page polls it. A row left RUNNING without a
-- heartbeat is a verification its server stopped in the middle of.
CREATE TABLE "AccessLogVerification" (
    "id" UUID NOT NULL,
    "startedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedBy" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'RUNNING',
    "checked" BIGINT NOT NULL DEFAULT 0,
    "total" BIGINT NOT NULL DEFAULT 0,
    "heartbeatAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMPTZ(3),
    "result" JSONB,
    "error" TEXT,

    CONSTRAINT "AccessLogVerification_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "AccessLogVerification_startedAt_idx" ON "AccessLogVerification"("startedAt");
