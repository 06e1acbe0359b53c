-- AlterTable
-- Packages made before expiry existed expire at once (none are made by the seed).
ALTER TABLE "DisclosurePackage" ADD COLUMN     "expiresAt" TIMESTAMPTZ(3) NOT NULL DEFAULT now();
ALTER TABLE "DisclosurePackage" ALTER COLUMN "expiresAt" DROP DEFAULT;

-- AlterTable
ALTER TABLE "Escalation" ADD COLUMN     "dpoReviewNote" TEXT,
ADD COLUMN     "dpoReviewedAt" TIMESTAMPTZ(3),
ADD COLUMN     "dpoReviewerId" UUID,
ADD COLUMN     "repersonalisation" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE INDEX "Escalation_repersonalisation_dpoReviewedAt_idx" ON "Escalation"("repersonalisation", "dpoReviewedAt");

