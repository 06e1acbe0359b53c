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

test('a supervisor selects the page’s undecided hits with one checkbox, and the selection says how many', async ({ page, loginAs }) => {
  await loginAs('supervisor');
  await page.goto('/hits?status=all');
  const table = page.getByRole('table', { name: /Hit queue/ });
  await expect(table).toBeVisible();
  await page.waitForLoadState('networkidle');
  const all = page.getByRole('checkbox', { name: 'Select all hits on this page' });
  const rows = table.locator('tbody tr[data-hit-id]');
  // Only undecided hits can be assigned: a decided hit's box is disabled.
  const selectable = rows.getByRole('checkbox', { disabled: false });
  const count = await selectable.count();
  expect(count).toBeGreaterThan(1);
  expect(await rows.getByRole('checkbox', { disabled: true }).count()).toBe((await rows.count()) - count);

  await all.check();
  await expect(page.getByText(`${count} selected`, { exact: true })).toBeVisible();
  for (const box of await selectable.all()) await expect(box).toBeChecked();
  // One unticked: the header box is mixed.
  await selectable.first().uncheck();
  await expect(page.getByText(`${count - 1} selected`, { exact: true })).toBeVisible();
  await expect(all).not.toBeChecked();
  expect(await all.evaluate((box) => (box as HTMLInputElement).indeterminate)).toBe(true);
  // Ticked again from the header, every one; once more, none.
  await all.check();
  await expect(page.getByText(`${count} selected`, { exact: true })).toBeVisible();
  await all.uncheck();
  await expect(page.getByText('Select hits with the checkboxes to assign them.')).toBeVisible();
  for (const box of await selectable.all()) await expect(box).not.toBeChecked();
});
