-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ANALYST', 'SUPERVISOR', 'PRIVACY_OFFICER', 'ADMINISTRATOR');

-- CreateEnum
CREATE TYPE "Sex" AS ENUM ('F', 'M', 'X', 'U');

-- CreateEnum
CREATE TYPE "EntryType" AS ENUM ('INDIVIDUAL', 'ENTITY', 'VESSEL', 'AIRCRAFT');

-- CreateEnum
CREATE TYPE "HitStatus" AS ENUM ('NEW', 'IN_REVIEW', 'CLEARED', 'CONFIRMED', 'ESCALATION_PENDING', 'ESCALATED');

-- CreateEnum
CREATE TYPE "HitEventType" AS ENUM ('CREATED', 'CLAIMED', 'RELEASED', 'ASSIGNED', 'CLEARED', 'CONFIRMED', 'ESCALATION_REQUESTED', 'ESCALATION_WITHDRAWN', 'ESCALATION_APPROVED', 'ESCALATION_REJECTED', 'REOPENED');

-- CreateEnum
CREATE TYPE "EscalationStatus" AS ENUM ('PENDING', 'APPROVED', 'REJECTED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "Urgency" AS ENUM ('ROUTINE', 'URGENT', 'IMMEDIATE');

-- CreateEnum
CREATE TYPE "AccessOperation" AS ENUM ('COLLECTION', 'CONSULTATION', 'ALTERATION', 'DISCLOSURE', 'COMBINATION', 'ERASURE', 'LOGIN', 'LOGOUT', 'LOGIN_FAILED', 'DENIED');

-- CreateEnum
CREATE TYPE "AccessOutcome" AS ENUM ('ALLOWED', 'DENIED', 'FAILED');

-- CreateEnum
CREATE TYPE "ActorType" AS ENUM ('USER', 'TOKEN', 'SYSTEM', 'ANONYMOUS');

-- CreateEnum
CREATE TYPE "DataClass" AS ENUM ('TRAVELLER_IDENTIFYING', 'TRAVELLER_RECORD', 'CLEARED_HIT', 'ACCESS_EVENT');

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "unit" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "failedLoginCount" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" TIMESTAMPTZ(3),
    "sessionsValidAfter" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "totpSecret" TEXT,
    "lastLoginAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Traveller" (
    "id" UUID NOT NULL,
    "familyName" TEXT,
    "givenNames" TEXT,
    "dateOfBirth" DATE,
    "yearOfBirth" INTEGER,
    "sex" "Sex" NOT NULL DEFAULT 'U',
    "nationality" CHAR(3),
    "documentType" TEXT,
    "documentNumber" TEXT,
    "documentIssuingCountry" CHAR(3),
    "documentExpiry" DATE,
    "bookingReference" TEXT,
    "reservationDate" DATE,
    "flightNumber" TEXT NOT NULL,
    "flightDate" DATE NOT NULL,
    "departureAirport" CHAR(3) NOT NULL,
    "arrivalAirport" CHAR(3) NOT NULL,
    "itinerary" JSONB NOT NULL DEFAULT '[]',
    "contactEmail" TEXT,
    "contactPhone" TEXT,
    "address" TEXT,
    "paymentSummary" TEXT,
    "frequentFlyerNumber" TEXT,
    "travelAgency" TEXT,
    "travelStatus" TEXT,
    "generalRemarks" TEXT,
    "coTravellerCount" INTEGER NOT NULL DEFAULT 0,
    "collectedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "maskedAt" TIMESTAMPTZ(3),
    "screeningBatchId" UUID,
    "externalRef" TEXT,

    CONSTRAINT "Traveller_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MaskedTravellerData" (
    "travellerId" UUID NOT NULL,
    "ciphertext" BYTEA NOT NULL,
    "iv" BYTEA NOT NULL,
    "authTag" BYTEA NOT NULL,
    "wrappedKey" BYTEA NOT NULL,
    "keyVersion" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MaskedTravellerData_pkey" PRIMARY KEY ("travellerId")
);

-- CreateTable
CREATE TABLE "WatchlistSource" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "defaultLegalBasis" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "lastImportedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WatchlistSource_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WatchlistEntry" (
    "id" UUID NOT NULL,
    "sourceId" UUID NOT NULL,
    "externalId" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "type" "EntryType" NOT NULL DEFAULT 'INDIVIDUAL',
    "primaryName" TEXT NOT NULL,
    "familyName" TEXT,
    "givenNames" TEXT,
    "aliases" JSONB NOT NULL DEFAULT '[]',
    "datesOfBirth" JSONB NOT NULL DEFAULT '[]',
    "nationalities" TEXT[],
    "documents" JSONB NOT NULL DEFAULT '[]',
    "programs" TEXT[],
    "offenceCategory" TEXT NOT NULL,
    "legalBasis" TEXT NOT NULL,
    "remarks" TEXT,
    "expiresAt" TIMESTAMPTZ(3),
    "contentHash" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "WatchlistEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScreeningBatch" (
    "id" UUID NOT NULL,
    "sourceId" UUID,
    "day" DATE NOT NULL,
    "travellersScreened" INTEGER NOT NULL,
    "hitsCreated" INTEGER NOT NULL DEFAULT 0,
    "status" TEXT NOT NULL DEFAULT 'COMPLETED',
    "externalRef" TEXT,
    "startedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "ScreeningBatch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Hit" (
    "id" UUID NOT NULL,
    "travellerId" UUID NOT NULL,
    "entryId" UUID NOT NULL,
    "entryVersion" INTEGER NOT NULL,
    "screeningBatchId" UUID,
    "sourceId" UUID NOT NULL,
    "offenceCategory" TEXT NOT NULL,
    "flightDate" DATE NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "explanation" JSONB NOT NULL DEFAULT '[]',
    "status" "HitStatus" NOT NULL DEFAULT 'NEW',
    "priority" INTEGER NOT NULL DEFAULT 3,
    "assigneeId" UUID,
    "dueAt" TIMESTAMPTZ(3) NOT NULL,
    "clearReason" TEXT,
    "decidedById" UUID,
    "decidedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Hit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HitEvent" (
    "id" UUID NOT NULL,
    "hitId" UUID NOT NULL,
    "type" "HitEventType" NOT NULL,
    "actorId" UUID,
    "fromStatus" "HitStatus",
    "toStatus" "HitStatus",
    "note" TEXT,
    "data" JSONB,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HitEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RecipientAuthority" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "country" CHAR(3) NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RecipientAuthority_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Escalation" (
    "id" UUID NOT NULL,
    "hitId" UUID NOT NULL,
    "requesterId" UUID NOT NULL,
    "legalBasis" TEXT NOT NULL,
    "offenceCategory" TEXT NOT NULL,
    "objectiveFacts" TEXT NOT NULL,
    "necessity" TEXT NOT NULL,
    "dataCategories" TEXT[],
    "recipientId" UUID NOT NULL,
    "urgency" "Urgency" NOT NULL DEFAULT 'ROUTINE',
    "status" "EscalationStatus" NOT NULL DEFAULT 'PENDING',
    "deciderId" UUID,
    "decidedAt" TIMESTAMPTZ(3),
    "decisionNote" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Escalation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DisclosurePackage" (
    "id" UUID NOT NULL,
    "escalationId" UUID NOT NULL,
    "categories" TEXT[],
    "content" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DisclosurePackage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Suppression" (
    "id" UUID NOT NULL,
    "identityKey" TEXT NOT NULL,
    "entryId" UUID NOT NULL,
    "entryVersion" INTEGER NOT NULL,
    "originHitId" UUID,
    "createdById" UUID,
    "reason" TEXT NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Suppression_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AccessEvent" (
    "seq" BIGINT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "actorType" "ActorType" NOT NULL,
    "actorId" UUID,
    "actorLabel" TEXT,
    "role" "Role",
    "operation" "AccessOperation" NOT NULL,
    "outcome" "AccessOutcome" NOT NULL,
    "resourceType" TEXT NOT NULL,
    "resourceId" TEXT,
    "travellerId" UUID,
    "purpose" TEXT,
    "recipient" TEXT,
    "requestId" TEXT,
    "ip" TEXT,
    "userAgent" TEXT,
    "details" JSONB,
    "prevHash" CHAR(64) NOT NULL,
    "hash" CHAR(64) NOT NULL,

    CONSTRAINT "AccessEvent_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "AccessLogHead" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "lastSeq" BIGINT NOT NULL DEFAULT 0,
    "hash" CHAR(64) NOT NULL,

    CONSTRAINT "AccessLogHead_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AccessLogCheckpoint" (
    "id" BIGSERIAL NOT NULL,
    "seq" BIGINT NOT NULL,
    "hash" CHAR(64) NOT NULL,
    "count" BIGINT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "note" TEXT,

    CONSTRAINT "AccessLogCheckpoint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RetentionPolicy" (
    "id" UUID NOT NULL,
    "dataClass" "DataClass" NOT NULL,
    "maskAfterDays" INTEGER,
    "eraseAfterDays" INTEGER,
    "legalBasis" TEXT NOT NULL,
    "updatedById" UUID,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "RetentionPolicy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RetentionRun" (
    "id" UUID NOT NULL,
    "startedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMPTZ(3),
    "dryRun" BOOLEAN NOT NULL DEFAULT false,
    "status" TEXT NOT NULL DEFAULT 'RUNNING',
    "masked" INTEGER NOT NULL DEFAULT 0,
    "erased" INTEGER NOT NULL DEFAULT 0,
    "held" INTEGER NOT NULL DEFAULT 0,
    "eventsErased" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,

    CONSTRAINT "RetentionRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "scopes" TEXT[],
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMPTZ(3),
    "expiresAt" TIMESTAMPTZ(3),
    "revokedAt" TIMESTAMPTZ(3),

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IdempotencyKey" (
    "tokenId" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "requestHash" TEXT NOT NULL,
    "status" INTEGER NOT NULL,
    "response" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IdempotencyKey_pkey" PRIMARY KEY ("tokenId","key")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "User_role_active_idx" ON "User"("role", "active");

-- CreateIndex
CREATE INDEX "Traveller_collectedAt_idx" ON "Traveller"("collectedAt");

-- CreateIndex
CREATE INDEX "Traveller_maskedAt_collectedAt_idx" ON "Traveller"("maskedAt", "collectedAt");

-- CreateIndex
CREATE INDEX "Traveller_bookingReference_idx" ON "Traveller"("bookingReference");

-- CreateIndex
CREATE INDEX "Traveller_documentNumber_idx" ON "Traveller"("documentNumber");

-- CreateIndex
CREATE INDEX "Traveller_flightDate_idx" ON "Traveller"("flightDate");

-- CreateIndex
CREATE UNIQUE INDEX "WatchlistSource_code_key" ON "WatchlistSource"("code");

-- CreateIndex
CREATE INDEX "WatchlistEntry_offenceCategory_idx" ON "WatchlistEntry"("offenceCategory");

-- CreateIndex
CREATE UNIQUE INDEX "WatchlistEntry_sourceId_externalId_key" ON "WatchlistEntry"("sourceId", "externalId");

-- CreateIndex
CREATE INDEX "ScreeningBatch_day_sourceId_idx" ON "ScreeningBatch"("day", "sourceId");

-- CreateIndex
CREATE INDEX "Hit_status_dueAt_id_idx" ON "Hit"("status", "dueAt", "id");

-- CreateIndex
CREATE INDEX "Hit_status_score_id_idx" ON "Hit"("status", "score" DESC, "id");

-- CreateIndex
CREATE INDEX "Hit_status_createdAt_id_idx" ON "Hit"("status", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Hit_assigneeId_status_dueAt_id_idx" ON "Hit"("assigneeId", "status", "dueAt", "id");

-- CreateIndex
CREATE INDEX "Hit_sourceId_status_dueAt_idx" ON "Hit"("sourceId", "status", "dueAt");

-- CreateIndex
CREATE INDEX "Hit_offenceCategory_status_dueAt_idx" ON "Hit"("offenceCategory", "status", "dueAt");

-- CreateIndex
CREATE INDEX "Hit_flightDate_idx" ON "Hit"("flightDate");

-- CreateIndex
CREATE INDEX "Hit_travellerId_idx" ON "Hit"("travellerId");

-- CreateIndex
CREATE INDEX "Hit_entryId_idx" ON "Hit"("entryId");

-- CreateIndex
CREATE INDEX "HitEvent_hitId_at_idx" ON "HitEvent"("hitId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "RecipientAuthority_name_key" ON "RecipientAuthority"("name");

-- CreateIndex
CREATE INDEX "Escalation_status_createdAt_idx" ON "Escalation"("status", "createdAt");

-- CreateIndex
CREATE INDEX "Escalation_hitId_idx" ON "Escalation"("hitId");

-- CreateIndex
CREATE INDEX "Escalation_requesterId_status_idx" ON "Escalation"("requesterId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "DisclosurePackage_escalationId_key" ON "DisclosurePackage"("escalationId");

-- CreateIndex
CREATE INDEX "Suppression_expiresAt_idx" ON "Suppression"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "Suppression_identityKey_entryId_key" ON "Suppression"("identityKey", "entryId");

-- CreateIndex
CREATE UNIQUE INDEX "AccessEvent_hash_key" ON "AccessEvent"("hash");

-- CreateIndex
CREATE INDEX "AccessEvent_travellerId_at_idx" ON "AccessEvent"("travellerId", "at");

-- CreateIndex
CREATE INDEX "AccessEvent_actorId_at_idx" ON "AccessEvent"("actorId", "at");

-- CreateIndex
CREATE INDEX "AccessEvent_at_idx" ON "AccessEvent"("at");

-- CreateIndex
CREATE INDEX "AccessEvent_operation_at_idx" ON "AccessEvent"("operation", "at");

-- CreateIndex
CREATE UNIQUE INDEX "RetentionPolicy_dataClass_key" ON "RetentionPolicy"("dataClass");

-- CreateIndex
CREATE INDEX "RetentionRun_startedAt_idx" ON "RetentionRun"("startedAt");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");

-- CreateIndex
CREATE INDEX "IdempotencyKey_createdAt_idx" ON "IdempotencyKey"("createdAt");

-- AddForeignKey
ALTER TABLE "Traveller" ADD CONSTRAINT "Traveller_screeningBatchId_fkey" FOREIGN KEY ("screeningBatchId") REFERENCES "ScreeningBatch"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MaskedTravellerData" ADD CONSTRAINT "MaskedTravellerData_travellerId_fkey" FOREIGN KEY ("travellerId") REFERENCES "Traveller"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WatchlistEntry" ADD CONSTRAINT "WatchlistEntry_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "WatchlistSource"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScreeningBatch" ADD CONSTRAINT "ScreeningBatch_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "WatchlistSource"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Hit" ADD CONSTRAINT "Hit_travellerId_fkey" FOREIGN KEY ("travellerId") REFERENCES "Traveller"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Hit" ADD CONSTRAINT "Hit_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "WatchlistEntry"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Hit" ADD CONSTRAINT "Hit_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "WatchlistSource"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Hit" ADD CONSTRAINT "Hit_screeningBatchId_fkey" FOREIGN KEY ("screeningBatchId") REFERENCES "ScreeningBatch"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Hit" ADD CONSTRAINT "Hit_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Hit" ADD CONSTRAINT "Hit_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HitEvent" ADD CONSTRAINT "HitEvent_hitId_fkey" FOREIGN KEY ("hitId") REFERENCES "Hit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HitEvent" ADD CONSTRAINT "HitEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Escalation" ADD CONSTRAINT "Escalation_hitId_fkey" FOREIGN KEY ("hitId") REFERENCES "Hit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Escalation" ADD CONSTRAINT "Escalation_requesterId_fkey" FOREIGN KEY ("requesterId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Escalation" ADD CONSTRAINT "Escalation_deciderId_fkey" FOREIGN KEY ("deciderId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Escalation" ADD CONSTRAINT "Escalation_recipientId_fkey" FOREIGN KEY ("recipientId") REFERENCES "RecipientAuthority"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DisclosurePackage" ADD CONSTRAINT "DisclosurePackage_escalationId_fkey" FOREIGN KEY ("escalationId") REFERENCES "Escalation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Suppression" ADD CONSTRAINT "Suppression_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "WatchlistEntry"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Suppression" ADD CONSTRAINT "Suppression_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RetentionPolicy" ADD CONSTRAINT "RetentionPolicy_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IdempotencyKey" ADD CONSTRAINT "IdempotencyKey_tokenId_fkey" FOREIGN KEY ("tokenId") REFERENCES "ApiToken"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The access log's chain starts from a genesis head: seq 0 and an all-zero hash.
INSERT INTO "AccessLogHead" ("id", "lastSeq", "hash") VALUES (1, 0, repeat('0', 64));
