-- A traveller's escalations by the traveller an escalation carries (migration 20261130090000,
-- kept by the escalation_traveller trigger), for the retention job's holds (issue 11). Found
-- through the hits before, "is this traveller held?" was planned as a comparison of each
-- candidate with every holding escalation: a batch of 1,000 travellers to erase took 2.5 s
-- to choose on the one-year profile (23,682 holding escalations), 2 ms with this index.
CREATE INDEX "Escalation_travellerId_idx" ON "Escalation"("travellerId");
