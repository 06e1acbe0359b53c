-- CreateTable
CREATE TABLE "AnomalyReview" (
    "id" UUID NOT NULL,
    "rule" TEXT NOT NULL,
    "itemKey" TEXT NOT NULL,
    "note" TEXT NOT NULL,
    "reviewerId" UUID NOT NULL,
    "reviewedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AnomalyReview_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AnomalyReview_rule_itemKey_key" ON "AnomalyReview"("rule", "itemKey");

