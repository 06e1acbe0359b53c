import { randomUUID } from 'node:crypto';
import type { APIRequestContext } from '@playwright/test';
import { demoUser, expect, test, type RoleKey } from '../fixtures';
import { apiContext, Db, ingestHits, signIn } from './harness';

// Issue 9, attack suite part 2, over HTTP: the requester can never decide their own
// escalation; a decision made on a stale version is refused (409), never overwritten; a user
// demoted by an administrator is refused on their very next call.

let db: Db;
const contexts = new Map<RoleKey, APIRequestContext>();
const as = (key: RoleKey) => contexts.get(key) as APIRequestContext;

test.beforeAll(async ({ browser, playwright }) => {
  test.setTimeout(90_000);
  db = await Db.connect();
  for (const key of ['analyst', 'supervisor', 'supervisor2', 'admin'] as const) contexts.set(key, await apiContext(playwright, await signIn(browser, key)));
});

test.afterAll(async () => {
  await Promise.all([...contexts.values()].map((context) => context.dispose()));
  await db?.close();
});

const JUSTIFICATION = 'Attack suite: the objective facts and the necessity, stated at enough length to pass.';

async function requestEscalation(key: RoleKey, hitId: string): Promise<string> {
  const claimed = await as(key).post(`/api/v1/hits/${hitId}/claim`);
  expect(claimed.status()).toBe(200);
  const [recipient] = await db.query<{ id: string }>(`SELECT id FROM "RecipientAuthority" WHERE active ORDER BY name LIMIT 1`);
  const response = await as(key).post(`/api/v1/hits/${hitId}/escalations`, {
    data: { legalBasis: 'PNR_6_2_A', offenceCategory: 'terrorism', objectiveFacts: JUSTIFICATION, necessity: JUSTIFICATION, dataCategories: ['PASSPORT'], recipientId: recipient?.id, urgency: 'ROUTINE', hitVersion: ((await claimed.json()) as { version: number }).version },
  });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

async function eventsOf(requestId: string | undefined) {
  return (await db.eventsOf([requestId ?? ''])).get(requestId ?? '') ?? [];
}

test('a supervisor cannot approve their own escalation request: 403, a DENIED event, nothing decided', async () => {
  const [hitId] = await ingestHits(as('admin'), db, 1);
  const escalationId = await requestEscalation('supervisor', hitId as string);
  for (const decision of [{ decision: 'approve', version: 1 }, { decision: 'reject', note: 'Rejecting my own request to get rid of it.', version: 1 }]) {
    const response = await as('supervisor').post(`/api/v1/escalations/${escalationId}/decision`, { data: decision });
    expect(response.status()).toBe(403);
    const body = (await response.json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['message', 'requestId']);
    const events = await eventsOf(response.headers()['x-request-id']);
    expect(events.map((event) => `${event.operation}/${event.outcome}`)).toEqual(['DENIED/DENIED']);
    expect(String(events[0]?.details.reason)).toContain('Four-eyes');
  }
  const [row] = await db.query<{ status: string; deciderId: string | null }>(`SELECT status, "deciderId" FROM "Escalation" WHERE id = $1`, [escalationId]);
  expect(row).toEqual({ status: 'PENDING', deciderId: null });
  // A second supervisor may.
  const approved = await as('supervisor2').post(`/api/v1/escalations/${escalationId}/decision`, { data: { decision: 'approve', version: 1 } });
  expect(approved.status(), await approved.text()).toBe(200);
});

test('a hit decision on a stale version is refused with 409 and changes nothing', async () => {
  const [hitId] = await ingestHits(as('admin'), db, 1);
  const claimed = await as('analyst').post(`/api/v1/hits/${hitId}/claim`);
  const { version } = (await claimed.json()) as { version: number };
  const note = await as('analyst').post(`/api/v1/hits/${hitId}/notes`, { data: { note: 'Looked at the booking.' } });
  expect(note.status()).toBe(201);
  for (const stale of [version - 1, version + 1]) {
    const response = await as('analyst').post(`/api/v1/hits/${hitId}/decision`, { data: { decision: 'clear', reason: 'DIFFERENT_NATIONALITY', version: stale } });
    expect(response.status(), `version ${stale} of ${version}`).toBe(409);
    expect(Object.keys((await response.json()) as object).sort()).toEqual(['message', 'requestId']);
  }
  const [before] = await db.query<{ status: string; version: number }>(`SELECT status::text, version FROM "Hit" WHERE id = $1`, [hitId]);
  expect(before).toEqual({ status: 'IN_REVIEW', version });
  const decided = await as('analyst').post(`/api/v1/hits/${hitId}/decision`, { data: { decision: 'clear', reason: 'DIFFERENT_NATIONALITY', version } });
  expect(decided.status(), await decided.text()).toBe(200);
  // The same (now stale) version again: the decision stands, the second is refused.
  const again = await as('analyst').post(`/api/v1/hits/${hitId}/decision`, { data: { decision: 'confirm', note: 'Changed my mind about this one.', version } });
  expect(again.status()).toBe(409);
  const [after] = await db.query<{ status: string }>(`SELECT status::text FROM "Hit" WHERE id = $1`, [hitId]);
  expect(after?.status).toBe('CLEARED');
});

test('an escalation decision on a stale version is refused with 409: exactly one decision stands', async () => {
  const [hitId] = await ingestHits(as('admin'), db, 1);
  const escalationId = await requestEscalation('analyst', hitId as string);
  const ahead = await as('supervisor').post(`/api/v1/escalations/${escalationId}/decision`, { data: { decision: 'approve', version: 2 } });
  expect(ahead.status()).toBe(409);
  const [first, second] = await Promise.all([
    as('supervisor').post(`/api/v1/escalations/${escalationId}/decision`, { data: { decision: 'reject', note: 'The facts do not link this person to the offence.', version: 1 } }),
    as('supervisor2').post(`/api/v1/escalations/${escalationId}/decision`, { data: { decision: 'approve', version: 1 } }),
  ]);
  expect([first.status(), second.status()].sort()).toEqual([200, 409]);
  const late = await as('supervisor2').post(`/api/v1/escalations/${escalationId}/decision`, { data: { decision: 'approve', version: 1 } });
  expect(late.status()).toBe(409);
  expect(((await late.json()) as { message: string }).message).toMatch(/already|decided|rejected|approved/i);
  const [row] = await db.query<{ status: string; version: number }>(`SELECT status::text, version FROM "Escalation" WHERE id = $1`, [escalationId]);
  expect(row?.version).toBe(2);
  expect(row?.status).toBe(first.status() === 200 ? 'REJECTED' : 'APPROVED');
});

test('a supervisor demoted by an administrator mid-session is refused on the next call', async ({ browser, playwright }) => {
  test.setTimeout(60_000);
  const supervisor2 = demoUser('supervisor2');
  const [user] = await db.query<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [supervisor2.email]);
  const userId = user?.id as string;
  const session = await apiContext(playwright, await signIn(browser, 'supervisor2'));
  try {
    expect((await session.get('/api/v1/escalations')).status()).toBe(200);
    const demoted = await as('admin').post(`/api/v1/users/${userId}/role`, { data: { role: 'ANALYST' } });
    expect(demoted.status(), await demoted.text()).toBe(200);
    // The very next call: the old session is over (401) or at least the old role is (403); recorded either way.
    const next = await session.get('/api/v1/escalations');
    expect([401, 403]).toContain(next.status());
    // The error shape only (a 401 may add why the session ended).
    expect(Object.keys((await next.json()) as object).filter((key) => !['message', 'requestId', 'sessionEnded'].includes(key))).toEqual([]);
    const events = await eventsOf(next.headers()['x-request-id']);
    expect(events.some((event) => event.operation === 'DENIED' || event.operation === 'LOGIN_FAILED')).toBe(true);
    const decide = await session.post('/api/v1/hits/assign', { data: { hitIds: [randomUUID()], assigneeId: null } });
    expect([401, 403]).toContain(decide.status());
    // Signed in again, the person has the new role's permissions and no more.
    const fresh = await apiContext(playwright, await signIn(browser, 'supervisor2'));
    const refused = await fresh.get('/api/v1/escalations');
    expect(refused.status()).toBe(403);
    expect((await eventsOf(refused.headers()['x-request-id'])).map((event) => event.operation)).toEqual(['DENIED']);
    expect((await fresh.get('/api/v1/hits')).status()).toBe(200);
    await fresh.dispose();
  } finally {
    const restored = await as('admin').post(`/api/v1/users/${userId}/role`, { data: { role: 'SUPERVISOR' } });
    expect(restored.status()).toBe(200);
    await session.dispose();
  }
});
