import { pressShortcut } from './a11y/keyboard';
import { ingestUrgentHits } from './attack/harness';
import { expect, test } from './fixtures';
import { HitDetailPage } from './pages/hit-detail';
import { HitQueuePage } from './pages/hit-queue';

test('an analyst filters the queue, takes the next hit, reveals a field for a purpose and clears it', async ({ page, loginAs, sql }) => {
  const analyst = await loginAs('analyst');
  const queue = new HitQueuePage(page);
  await queue.goto();

  // Filters live in the URL, and the rows shown obey them.
  await page.getByLabel('Status').selectOption('NEW');
  await page.getByLabel('Sort by').selectOption('score');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/status=NEW/);
  await expect(page).toHaveURL(/sort=score/);
  const shown = await queue.rowIds();
  expect(shown.length).toBeGreaterThan(0);
  const statuses = await sql<{ status: string; score: number }>(`SELECT status, score FROM "Hit" WHERE id = ANY($1::uuid[])`, [shown]);
  expect(statuses.every((hit) => hit.status === 'NEW')).toBe(true);

  // An invalid parameter is ignored with a notice, never an error page.
  await queue.goto('?scoreMin=banana');
  await expect(page.getByText(/minimum score “banana” is not valid/)).toBeVisible();

  await queue.nextHit();
  const detail = new HitDetailPage(page);
  const hitId = detail.id;
  const [claimed] = await sql<{ assigneeId: string; travellerId: string }>(`SELECT "assigneeId", "travellerId" FROM "Hit" WHERE id = $1`, [hitId]);
  const [me] = await sql<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [analyst.email]);
  expect(claimed?.assigneeId).toBe(me?.id);

  // Reveal one field: the clear value appears, and the purpose is in the access log.
  const [traveller] = await sql<{ familyName: string }>(`SELECT "familyName" FROM "Traveller" WHERE id = $1`, [claimed?.travellerId]);
  await expect(page.getByText(traveller!.familyName, { exact: true })).toHaveCount(0);
  // The explanation's traveller value comes from the traveller row (the hit stores none), masked until revealed.
  const explanation = page.getByRole('list', { name: 'Match explanation' });
  const initial = traveller!.familyName.match(/\p{L}/u)?.[0]?.toLocaleUpperCase('en') ?? '';
  await expect(explanation).toContainText(`Family name ${initial}****`);
  // (The listed name may be the same word: only the traveller's side must be masked.)
  await expect(explanation).not.toContainText(`Family name ${traveller!.familyName}`);
  await detail.reveal('Family name', 'Compare identity with the watchlist entry');
  await expect(page.getByText(traveller!.familyName, { exact: true }).first()).toBeVisible();
  await expect(explanation).toContainText(`Family name ${traveller!.familyName}`);
  const reveals = await sql(
    `SELECT 1 FROM "AccessEvent" WHERE "resourceId" = $1 AND operation = 'CONSULTATION' AND details->>'view' = 'reveal'
       AND details->>'field' = 'familyName' AND purpose = 'Compare identity with the watchlist entry' AND "actorLabel" = $2`,
    [hitId, analyst.email],
  );
  expect(reveals).toHaveLength(1);

  // A clear needs its reason; without one nothing is saved.
  await page.getByRole('button', { name: 'Clear as false positive' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Clear hit' }).click();
  await expect(page.getByRole('dialog').getByText('Choose why this hit is a false positive.', { exact: true })).toBeVisible();
  await page.keyboard.press('Escape');
  expect((await sql<{ status: string }>(`SELECT status FROM "Hit" WHERE id = $1`, [hitId]))[0]?.status).toBe('IN_REVIEW');

  await detail.clear('Different date of birth', 'Listed person born 20 years earlier.');
  await expect(page.getByText(/Cleared/).first()).toBeVisible();
  const [decided] = await sql<{ status: string; clearReason: string }>(`SELECT status, "clearReason" FROM "Hit" WHERE id = $1`, [hitId]);
  expect(decided).toEqual({ status: 'CLEARED', clearReason: 'DIFFERENT_DOB' });

  // The hit has left the analyst's open queue.
  await queue.goto('?assignee=me');
  expect(await queue.rowIds()).not.toContain(hitId);
});

test('three hits triaged with the keyboard alone', async ({ page, playwright, loginAs, sql }) => {
  // Three full rounds (claim, open, decide) take 24 s and more on a loaded CI machine.
  test.slow();
  // Three fresh hits of its own, due before any other, so "next hit" finds them however many
  // hits the specs before this one have taken (an empty queue would only toast).
  const fresh = await ingestUrgentHits(playwright, 3);

  const analyst = await loginAs('analyst2');
  const queue = new HitQueuePage(page);
  await queue.goto();
  const decided: string[] = [];
  for (let round = 0; round < 3; round += 1) {
    await pressShortcut(page, 'n');
    await page.waitForURL((url) => /\/hits\/[0-9a-f-]{36}$/.test(url.pathname) && !decided.some((id) => url.pathname.endsWith(id)));
    const detail = new HitDetailPage(page);
    await expect(page.getByRole('button', { name: 'Clear as false positive' })).toBeEnabled();
    await pressShortcut(page, 'c');
    const dialog = page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    // Move to the reasons and pick one with the arrow keys, as a keyboard user would.
    const firstReason = dialog.getByRole('radio').first();
    while (!(await firstReason.evaluate((element) => element === document.activeElement))) await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    await expect(dialog.getByRole('radio', { name: 'Different nationality' })).toBeChecked();
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(page.getByText(/Cleared/).first()).toBeVisible();
    decided.push(detail.id);
  }
  const rows = await sql<{ status: string; clearReason: string; email: string }>(
    `SELECT h.status, h."clearReason", u.email FROM "Hit" h JOIN "User" u ON u.id = h."decidedById" WHERE h.id = ANY($1::uuid[])`,
    [decided],
  );
  expect(rows).toHaveLength(3);
  expect([...decided].sort()).toEqual([...fresh].sort());
  expect(rows.every((row) => row.status === 'CLEARED' && row.clearReason === 'DIFFERENT_NATIONALITY' && row.email === analyst.email)).toBe(true);
});
