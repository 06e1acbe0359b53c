-- Whether an escalation has its disclosure package, kept by the database (issue 11). An
-- approved escalation without one holds its traveller (server/retention/holds.ts); the app
-- makes the package with the approval, so these come only from other writers, and finding
-- the none there are meant comparing every approved escalation's id with every package's —
-- 46,000 of each on the five-year profile, 11–15 ms of every metrics request. Kept here, the
-- flag gives them a partial index that is empty when all is well.
ALTER TABLE "Escalation" ADD COLUMN "packaged" BOOLEAN NOT NULL DEFAULT false;

UPDATE "Escalation" e SET "packaged" = true
WHERE EXISTS (SELECT 1 FROM "DisclosurePackage" p WHERE p."escalationId" = e.id);

-- One statement for the packages a statement writes or deletes, whoever writes them. A
-- package of a deleted escalation (ON DELETE CASCADE) finds no row to update.
CREATE FUNCTION escalation_packaged_inserted() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Escalation" e SET "packaged" = true
  WHERE e.id IN (SELECT n."escalationId" FROM new_rows n) AND NOT e."packaged";
  RETURN NULL;
END;
$$;

CREATE FUNCTION escalation_packaged_deleted() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Escalation" e SET "packaged" = false
  WHERE e.id IN (SELECT o."escalationId" FROM old_rows o) AND e."packaged"
    AND NOT EXISTS (SELECT 1 FROM "DisclosurePackage" p WHERE p."escalationId" = e.id);
  RETURN NULL;
END;
$$;

-- A package moved to another escalation: the old one may have lost its only package. Only the
-- escalations whose flag changes are written (masking rewrites packages' content; a trigger
-- with transition tables cannot be limited to a column).
CREATE FUNCTION escalation_packaged_moved() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Escalation" e SET "packaged" = EXISTS (SELECT 1 FROM "DisclosurePackage" p WHERE p."escalationId" = e.id)
  WHERE e.id IN (SELECT o."escalationId" FROM old_rows o UNION SELECT n."escalationId" FROM new_rows n)
    AND e."packaged" IS DISTINCT FROM EXISTS (SELECT 1 FROM "DisclosurePackage" p WHERE p."escalationId" = e.id);
  RETURN NULL;
END;
$$;

CREATE TRIGGER "DisclosurePackage_packaged_insert" AFTER INSERT ON "DisclosurePackage"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION escalation_packaged_inserted();
CREATE TRIGGER "DisclosurePackage_packaged_delete" AFTER DELETE ON "DisclosurePackage"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION escalation_packaged_deleted();
CREATE TRIGGER "DisclosurePackage_packaged_update" AFTER UPDATE ON "DisclosurePackage"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION escalation_packaged_moved();

-- Whoever sets the flag, or inserts an escalation with it, gets what the packages say.
CREATE FUNCTION escalation_packaged_truth() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW."packaged" := EXISTS (SELECT 1 FROM "DisclosurePackage" p WHERE p."escalationId" = NEW.id);
  RETURN NEW;
END;
$$;

CREATE TRIGGER escalation_packaged_truth BEFORE INSERT OR UPDATE OF "packaged" ON "Escalation"
  FOR EACH ROW EXECUTE FUNCTION escalation_packaged_truth();

-- The approved escalations without a package: none, normally, so an empty index.
CREATE INDEX "Escalation_approved_unpackaged_idx" ON "Escalation"(id) WHERE (status = 'APPROVED'::"EscalationStatus" AND NOT "packaged");
ANALYZE "Escalation";
