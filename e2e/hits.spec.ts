import { expect, test } from './fixtures';

test('the analyst’s hit list is masked and each hit shown is one consultation event', async ({ page, loginAs, sql }) => {
  const user = await loginAs('analyst');
  const [{ max: before } = { max: '0' }] = await sql<{ max: string }>(`SELECT coalesce(max(seq), 0)::text AS max FROM "AccessEvent"`);

  await page.goto('/hits');
  await expect(page.getByRole('heading', { name: 'Hits', level: 1 })).toBeVisible();
  const names = page.getByTestId('traveller-name');
  const shown = await names.count();
  expect(shown).toBeGreaterThan(0);
  for (const name of await names.allTextContents()) expect(name).toMatch(/^(\p{Lu}\. )?(\p{Lu}|)\*{4}$/u);

  // The most urgent open hits, in the order the server shows them.
  const expected = await sql<{ id: string; travellerId: string }>(
    `SELECT id, "travellerId" FROM "Hit" WHERE status IN ('NEW','IN_REVIEW','ESCALATION_PENDING') ORDER BY "dueAt", id LIMIT 50`,
  );
  expect(shown).toBe(expected.length);
  const events = await sql<{ resourceId: string; travellerId: string; operation: string; actorLabel: string }>(
    `SELECT "resourceId", "travellerId", operation, "actorLabel" FROM "AccessEvent"
      WHERE seq > $1 AND "resourceType" = 'hit' ORDER BY seq`,
    [before],
  );
  expect(events).toHaveLength(shown);
  expect(events.every((event) => event.operation === 'CONSULTATION' && event.actorLabel === user.email)).toBe(true);
  expect(events.map((event) => event.resourceId).sort()).toEqual(expected.map((hit) => hit.id).sort());
  expect(events.map((event) => event.travellerId).sort()).toEqual(expected.map((hit) => hit.travellerId).sort());

  // No full name of a traveller shown reaches the page.
  const travellers = await sql<{ familyName: string }>(
    `SELECT "familyName" FROM "Traveller" WHERE id = ANY($1::uuid[]) AND length("familyName") > 3`,
    [expected.map((hit) => hit.travellerId)],
  );
  const table = (await page.getByRole('table', { name: /Hit queue/ }).textContent())?.toLowerCase() ?? '';
  for (const traveller of travellers) expect(table).not.toContain(traveller.familyName.toLowerCase());
});
