-- CreateIndex
CREATE INDEX "AccessEvent_reveal_at_idx" ON "AccessEvent"("at", "resourceId") WHERE (("resourceType" = 'hit'::text) AND (operation = 'CONSULTATION'::"AccessOperation") AND ((details ->> 'view'::text) = 'reveal'::text));
