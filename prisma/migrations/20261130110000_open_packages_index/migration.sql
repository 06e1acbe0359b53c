-- The packages still open (expiresAt after now) are a month's approvals among five years'
-- (issue 11): the metrics' holds and masking overdue found them by reading every package,
-- content and all (45,000 on the five-year profile).
CREATE INDEX "DisclosurePackage_expiresAt_idx" ON "DisclosurePackage"("expiresAt");

-- And approved escalations without a package (holds.ts) by comparing two indexes of ids, the
-- approved escalations' (this one) and the packages' (escalationId), instead of every row.
CREATE INDEX "Escalation_approved_id_idx" ON "Escalation"(id) WHERE (status = 'APPROVED'::"EscalationStatus");
