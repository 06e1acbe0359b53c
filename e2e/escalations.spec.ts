import type { Browser, Page } from '@playwright/test';
import { demoUser, expect, expectSignedIn, LoginPage, test, type RoleKey } from './fixtures';
import { requestEscalation } from './pages/escalation';

async function signedIn(browser: Browser, key: RoleKey): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  const user = demoUser(key);
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(user.email, user.password);
  await expectSignedIn(page);
  return page;
}

type Sql = <T extends Record<string, unknown>>(text: string, values?: unknown[]) => Promise<T[]>;

// A hit the analyst may escalate: undecided, unassigned, no request pending.
async function freshHit(sql: Sql): Promise<string> {
  const [hit] = await sql<{ id: string }>(
    `SELECT id FROM "Hit" WHERE status IN ('NEW', 'IN_REVIEW') AND "assigneeId" IS NULL ORDER BY "dueAt" DESC LIMIT 1`,
  );
  if (!hit) throw new Error('no open hit left in the e2e data');
  return hit.id;
}

async function escalationOf(sql: Sql, hitId: string): Promise<string> {
  const [row] = await sql<{ id: string }>(`SELECT id FROM "Escalation" WHERE "hitId" = $1 ORDER BY "createdAt" DESC LIMIT 1`, [hitId]);
  return row!.id;
}

test('analyst requests, supervisor approves, analyst opens the package — each view a disclosure', async ({ browser, sql }) => {
  const analyst = await signedIn(browser, 'analyst');
  const supervisor = await signedIn(browser, 'supervisor');
  const hitId = await freshHit(sql);
  await requestEscalation(analyst, hitId);
  const escalationId = await escalationOf(sql, hitId);

  await supervisor.goto('/escalations');
  await expect(supervisor.locator(`[data-escalation-id="${escalationId}"]`)).toBeVisible();
  await supervisor.goto(`/escalations/${escalationId}`);
  await supervisor.getByRole('button', { name: 'Approve', exact: true }).click();
  await supervisor.getByRole('button', { name: 'Approve request' }).click();
  await expect(supervisor.getByRole('link', { name: 'Open disclosure package' })).toBeVisible();
  expect((await sql<{ status: string }>(`SELECT status FROM "Hit" WHERE id = $1`, [hitId]))[0]?.status).toBe('ESCALATED');

  const before = await sql(`SELECT 1 FROM "AccessEvent" WHERE operation = 'DISCLOSURE' AND "resourceType" = 'disclosure-package' AND details->>'escalationId' = $1`, [escalationId]);
  await analyst.goto(`/hits/${hitId}`);
  await analyst.getByRole('link', { name: 'Open disclosure package' }).click();
  await expect(analyst.getByRole('heading', { name: 'Disclosure package', level: 1 })).toBeVisible();
  const events = await sql<{ recipient: string; actorLabel: string }>(
    `SELECT recipient, "actorLabel" FROM "AccessEvent" WHERE operation = 'DISCLOSURE' AND details->>'escalationId' = $1 ORDER BY seq`,
    [escalationId],
  );
  expect(events.length).toBe(before.length + 1);
  expect(events.at(-1)?.actorLabel).toBe(demoUser('analyst').email);
  expect(events.at(-1)?.recipient).toBeTruthy();
});

test('a rejected request returns the hit to the analyst with the supervisor’s note', async ({ browser, sql }) => {
  const analyst = await signedIn(browser, 'analyst2');
  const supervisor = await signedIn(browser, 'supervisor2');
  const hitId = await freshHit(sql);
  await requestEscalation(analyst, hitId);
  const escalationId = await escalationOf(sql, hitId);

  await supervisor.goto(`/escalations/${escalationId}`);
  await supervisor.getByRole('button', { name: 'Reject', exact: true }).click();
  const note = 'The date of birth is twenty years apart; clear this hit instead.';
  await supervisor.getByRole('dialog').getByRole('textbox', { name: 'Note' }).fill(note);
  await supervisor.getByRole('button', { name: 'Reject request' }).click();
  await expect(supervisor.getByRole('dialog')).toBeHidden();

  await analyst.goto(`/hits/${hitId}`);
  await expect(analyst.getByRole('region', { name: 'Escalation' }).getByText(note)).toBeVisible();
  expect((await sql<{ status: string }>(`SELECT status FROM "Hit" WHERE id = $1`, [hitId]))[0]?.status).toBe('IN_REVIEW');
});

test('a supervisor who requested cannot approve their own request: no button, and the server refuses', async ({ browser, sql }) => {
  const supervisor = await signedIn(browser, 'supervisor');
  const hitId = await freshHit(sql);
  await requestEscalation(supervisor, hitId);
  const escalationId = await escalationOf(sql, hitId);

  await supervisor.goto(`/escalations/${escalationId}`);
  await expect(supervisor.getByText(/another supervisor must decide it/)).toBeVisible();
  await expect(supervisor.getByRole('button', { name: 'Approve', exact: true })).toHaveCount(0);
  const [{ version } = { version: 1 }] = await sql<{ version: number }>(`SELECT version FROM "Escalation" WHERE id = $1`, [escalationId]);
  // Same-origin, as the browser's own calls are, so that four-eyes (not the origin check) refuses.
  const response = await supervisor.request.post(`/api/v1/escalations/${escalationId}/decision`, {
    headers: { Origin: new URL(supervisor.url()).origin },
    data: { decision: 'approve', version },
  });
  expect(response.status()).toBe(403);
  const denied = await sql(`SELECT 1 FROM "AccessEvent" WHERE operation = 'DENIED' AND "resourceId" = $1`, [escalationId]);
  expect(denied.length).toBeGreaterThan(0);
  expect((await sql<{ status: string }>(`SELECT status FROM "Escalation" WHERE id = $1`, [escalationId]))[0]?.status).toBe('PENDING');
});
