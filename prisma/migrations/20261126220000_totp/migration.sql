-- TOTP second factor (issue 9, ASVS V6.5): when it was confirmed, and the last time step used.
-- AlterTable
ALTER TABLE "User" ADD COLUMN     "totpEnabledAt" TIMESTAMPTZ(3),
ADD COLUMN     "totpLastStep" INTEGER;
