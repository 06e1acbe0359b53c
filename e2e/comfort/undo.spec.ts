import { demoUser, expect, test } from '../fixtures';
import { HitQueuePage } from '../pages/hit-queue';

// Toasts for completed actions offer Undo where the action can be taken back: a claim (by
// releasing) and an assignment (by giving each hit back to whoever had it). The undo is an
// ordinary request, so the hit's history keeps both.

type Sql = <T extends Record<string, unknown>>(text: string, values?: unknown[]) => Promise<T[]>;

async function userId(sql: Sql, email: string): Promise<string> {
  const [row] = await sql<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [email]);
  return row!.id;
}

async function assigneeOf(sql: Sql, hitId: string): Promise<string | null> {
  const [row] = await sql<{ assigneeId: string | null }>(`SELECT "assigneeId" FROM "Hit" WHERE id = $1`, [hitId]);
  return row!.assigneeId;
}

// Two sign-ins' worth of work and several queue reloads: on a busy machine this outlasts 30 s.
test.slow();

test('a claim is undone from its toast: the hit is unassigned again and its history shows both', async ({ page, loginAs, sql }) => {
  const analyst = await loginAs('analyst');
  const queue = new HitQueuePage(page);
  await queue.goto();
  const claimable = queue.rows.filter({ has: page.getByRole('button', { name: 'Claim' }) }).first();
  const hitId = (await claimable.getAttribute('data-hit-id'))!;
  // By id from here: once claimed, the row no longer matches "has a Claim button".
  const row = queue.table.locator(`tr[data-hit-id="${hitId}"]`);
  const [before] = await sql<{ status: string }>(`SELECT status::text FROM "Hit" WHERE id = $1`, [hitId]);
  try {
    await row.getByRole('button', { name: 'Claim' }).click();
    const toast = page.locator('[data-sonner-toast]').filter({ hasText: 'Hit claimed' });
    await expect(toast).toBeVisible();
    await expect(row.getByRole('button', { name: 'Release' })).toBeVisible();
    await expect.poll(() => assigneeOf(sql, hitId)).toBe(await userId(sql, analyst.email));

    await toast.getByRole('button', { name: 'Undo' }).click();
    await expect(page.locator('[data-sonner-toast]').filter({ hasText: 'Claim undone' })).toBeVisible();
    await expect(row.getByRole('button', { name: 'Claim' })).toBeVisible();
    await expect(row).toContainText('Unassigned');
    await expect.poll(() => assigneeOf(sql, hitId)).toBeNull();
    const history = await sql<{ type: string }>(`SELECT type::text FROM "HitEvent" WHERE "hitId" = $1 AND type IN ('CLAIMED', 'RELEASED') ORDER BY at`, [hitId]);
    expect(history.map((event) => event.type).slice(-2)).toEqual(['CLAIMED', 'RELEASED']);
  } finally {
    // The claim moved the hit into review; other specs expect the seed's NEW hits.
    await sql(`UPDATE "Hit" SET status = $2::"HitStatus", "assigneeId" = NULL WHERE id = $1`, [hitId, before!.status]);
  }
});

test('an assignment is undone from its toast: each hit goes back to whoever had it', async ({ page, loginAs, sql }) => {
  await loginAs('supervisor');
  const queue = new HitQueuePage(page);
  await queue.goto();
  const claimable = queue.rows.filter({ has: page.getByRole('button', { name: 'Claim' }) });
  const [free, held] = [(await claimable.nth(0).getAttribute('data-hit-id'))!, (await claimable.nth(1).getAttribute('data-hit-id'))!];
  const before = await sql<{ id: string; status: string }>(`SELECT id, status::text FROM "Hit" WHERE id = ANY($1::uuid[])`, [[free, held]]);
  const ana = await userId(sql, demoUser('analyst').email);
  try {
    // One of the two already had an assignee: undo must give it back to her, not unassign it.
    await sql(`UPDATE "Hit" SET "assigneeId" = $2, status = 'IN_REVIEW', version = version + 1 WHERE id = $1`, [held, ana]);
    await queue.goto();
    for (const id of [free, held]) await queue.table.locator(`tr[data-hit-id="${id}"]`).getByRole('checkbox').check();
    await page.getByLabel('Assign to').selectOption({ label: `${demoUser('analyst2').name} (Analyst)` });
    await page.getByRole('button', { name: 'Assign', exact: true }).click();
    const toast = page.locator('[data-sonner-toast]').filter({ hasText: `Assigned 2 hits to ${demoUser('analyst2').name}` });
    await expect(toast).toBeVisible();
    const kwame = await userId(sql, demoUser('analyst2').email);
    await expect.poll(async () => [await assigneeOf(sql, free), await assigneeOf(sql, held)]).toEqual([kwame, kwame]);

    await toast.getByRole('button', { name: 'Undo' }).click();
    await expect(page.locator('[data-sonner-toast]').filter({ hasText: 'Assignment undone' })).toBeVisible();
    await expect.poll(async () => [await assigneeOf(sql, free), await assigneeOf(sql, held)]).toEqual([null, ana]);
  } finally {
    for (const hit of before) await sql(`UPDATE "Hit" SET status = $2::"HitStatus", "assigneeId" = NULL WHERE id = $1`, [hit.id, hit.status]);
  }
});
