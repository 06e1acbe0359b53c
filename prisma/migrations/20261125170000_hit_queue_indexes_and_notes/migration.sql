-- AlterEnum
ALTER TYPE "HitEventType" ADD VALUE 'NOTE_ADDED';

-- DropIndex
DROP INDEX "Hit_status_score_id_idx";

-- CreateIndex
CREATE INDEX "Hit_open_dueAt_id_idx" ON "Hit"("dueAt", "id", "status") WHERE (status = ANY (ARRAY['NEW'::"HitStatus", 'IN_REVIEW'::"HitStatus", 'ESCALATION_PENDING'::"HitStatus"]));

-- CreateIndex
CREATE INDEX "Hit_open_score_id_idx" ON "Hit"("score", "id", "status") WHERE (status = ANY (ARRAY['NEW'::"HitStatus", 'IN_REVIEW'::"HitStatus", 'ESCALATION_PENDING'::"HitStatus"]));

-- CreateIndex
CREATE INDEX "Hit_open_createdAt_id_idx" ON "Hit"("createdAt", "id", "status") WHERE (status = ANY (ARRAY['NEW'::"HitStatus", 'IN_REVIEW'::"HitStatus", 'ESCALATION_PENDING'::"HitStatus"]));

-- CreateIndex
CREATE INDEX "Hit_dueAt_id_idx" ON "Hit"("dueAt", "id");

-- CreateIndex
CREATE INDEX "Hit_score_id_idx" ON "Hit"("score", "id");

-- CreateIndex
CREATE INDEX "Hit_createdAt_id_idx" ON "Hit"("createdAt", "id");

-- CreateIndex
CREATE INDEX "Hit_status_score_id_idx" ON "Hit"("status", "score", "id");

